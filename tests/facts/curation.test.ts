import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "../support/databases";

const support = { kind: "account", accountId: 2, email: "sam@example.com", role: "support" } as const;

describe.each(backends)("facts on %s", (backend) => {
  const t = useTestDatabase(backend, `facts_curation_${backend}`);

  async function janeWithSession() {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.sessions.create({ session_id: "s1", user_id: "jane" });
    const added = await api.memory.add({
      sessionId: "s1",
      messages: [
        { role: "Jane", role_type: "user", content: "I moved to Lisbon last spring." },
        { role: "Bot", role_type: "assistant", content: "Lisbon is lovely. Anything else?" },
        { role: "Jane", role_type: "user", content: "I am allergic to peanuts." },
      ],
    });
    return { api, uuids: added.message_uuids };
  }

  it("adds facts by hand, restates the same fact instead of duplicating it, lists them", async () => {
    const { api, uuids } = await janeWithSession();
    const first = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane lives in Lisbon.",
      rating: 0.8,
      source_message_uuids: [uuids[0]!],
    });
    expect(first).toMatchObject({
      fact: "Jane lives in Lisbon.",
      rating: expect.closeTo(0.8, 5),
      user_id: "jane",
      session_id: null,
      invalid_at: null,
      origin: "manual",
      source_message_uuids: [uuids[0]],
      pinned: false,
    });
    const again = await api.facts.addForSession({
      sessionId: "s1",
      fact: "  jane lives in lisbon ",
      source_message_uuids: [uuids[1]!],
    });
    expect(again.uuid).toBe(first.uuid);
    expect(again.source_message_uuids).toEqual([uuids[0], uuids[1]]);
    await api.facts.addForUser({ userId: "jane", fact: "Jane is allergic to peanuts.", rating: 0.95 });

    const listed = await api.facts.forUser({ userId: "jane" });
    expect(listed.map((fact) => fact.fact)).toEqual([
      "Jane is allergic to peanuts.",
      "Jane lives in Lisbon.",
    ]);
    expect(await api.facts.forSession({ sessionId: "s1" })).toEqual(listed);
    expect((await api.facts.forUser({ userId: "jane", minRating: 0.9 })).map((f) => f.fact)).toEqual([
      "Jane is allergic to peanuts.",
    ]);
    const history = await api.facts.history({ uuid: first.uuid });
    expect(history.changes.map((change) => change.action)).toEqual(["added", "restated"]);
    expect(history.changes[0]!.actor).toBe("api-key:test");
  });

  it("a session without a user keeps its own facts", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "lonely", messages: [{ role: "A", content: "I like tea." }] });
    const fact = await api.facts.addForSession({ sessionId: "lonely", fact: "A likes tea." });
    expect(fact).toMatchObject({ user_id: null, session_id: "lonely" });
    await api.memory.add({ sessionId: "other", messages: [{ role: "B", content: "hi" }] });
    expect(await api.facts.forSession({ sessionId: "other" })).toEqual([]);
    expect((await api.facts.forSession({ sessionId: "lonely" })).map((f) => f.uuid)).toEqual([fact.uuid]);
  });

  it("a support account corrects a fact: the old one ends, its successor is valid, history and as_of tell both", async () => {
    const { api } = await janeWithSession();
    const old = await api.facts.addForUser({ userId: "jane", fact: "Jane lives in Porto.", rating: 0.7 });
    const beforeEdit = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const sam = await callerFor(t.db, support);
    const corrected = await sam.facts.edit({ uuid: old.uuid, patch: { fact: "Jane lives in Lisbon." } });
    expect(corrected).toMatchObject({
      fact: "Jane lives in Lisbon.",
      rating: expect.closeTo(0.7, 5),
      invalid_at: null,
    });

    const closed = await api.facts.get({ uuid: old.uuid });
    expect(closed).toMatchObject({ invalid_reason: "edited", superseded_by: corrected.uuid });
    expect(closed.invalid_at).not.toBeNull();

    expect((await api.facts.forUser({ userId: "jane" })).map((f) => f.fact)).toEqual([
      "Jane lives in Lisbon.",
    ]);
    expect((await api.facts.forUser({ userId: "jane", asOf: beforeEdit })).map((f) => f.fact)).toEqual([
      "Jane lives in Porto.",
    ]);
    const all = await api.facts.forUser({ userId: "jane", includeInvalid: true });
    expect(all.map((f) => f.fact)).toEqual(["Jane lives in Lisbon.", "Jane lives in Porto."]);

    const history = await api.facts.history({ uuid: old.uuid });
    expect(history.changes.map((change) => [change.action, change.actor])).toEqual([
      ["added", "api-key:test"],
      ["edited", "account:sam@example.com"],
    ]);
    expect(history.changes[1]!.before).toMatchObject({ fact: "Jane lives in Porto.", invalid_at: null });

    // A rating change edits in place.
    const rerated = await sam.facts.edit({ uuid: corrected.uuid, patch: { rating: 0.2 } });
    expect(rerated).toMatchObject({ uuid: corrected.uuid, rating: expect.closeTo(0.2, 5) });
    // Support annotates but may not delete.
    await expect(sam.facts.delete({ uuid: corrected.uuid })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pins, rejects and deletes, with every change audited", async () => {
    const { api } = await janeWithSession();
    const fact = await api.facts.addForUser({ userId: "jane", fact: "Jane has a cat." });
    expect((await api.facts.pin({ uuid: fact.uuid, pinned: true })).pinned).toBe(true);
    const rejected = await api.facts.reject({ uuid: fact.uuid });
    expect(rejected).toMatchObject({ invalid_reason: "rejected" });
    expect(await api.facts.forUser({ userId: "jane" })).toEqual([]);
    await expect(api.facts.reject({ uuid: fact.uuid })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.facts.edit({ uuid: fact.uuid, patch: { rating: 1 } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.facts.delete({ uuid: fact.uuid });
    await expect(api.facts.get({ uuid: fact.uuid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await api.facts.forUser({ userId: "jane", includeInvalid: true })).toEqual([]);
  });

  it("refuses bad input with nothing written", async () => {
    const { api } = await janeWithSession();
    await expect(api.facts.addForUser({ userId: "jane", fact: "x", rating: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.facts.addForUser({ userId: "jane", fact: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.facts.addForUser({ userId: "nobody", fact: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.facts.get({ uuid: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.facts.get({ uuid: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.facts.forUser({ userId: "jane", asOf: "yesterday" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await api.facts.forUser({ userId: "jane", includeInvalid: true })).toEqual([]);
  });

  it("deleting a message invalidates the facts whose only source it was", async () => {
    const { api, uuids } = await janeWithSession();
    const sole = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane is allergic to peanuts.",
      source_message_uuids: [uuids[2]!],
    });
    const shared = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane lives in Lisbon.",
      source_message_uuids: [uuids[0]!, uuids[2]!],
    });
    const manual = await api.facts.addForUser({ userId: "jane", fact: "Jane prefers email." });

    await api.messages.delete({ sessionId: "s1", uuid: uuids[2]! });
    expect(await api.facts.get({ uuid: sole.uuid })).toMatchObject({ invalid_reason: "source_deleted" });
    expect((await api.facts.forUser({ userId: "jane" })).map((f) => f.uuid).sort()).toEqual(
      [shared.uuid, manual.uuid].sort(),
    );
    expect((await api.sessions.get({ sessionId: "s1" })).message_count).toBe(2);
    expect((await api.facts.history({ uuid: sole.uuid })).changes.at(-1)).toMatchObject({
      action: "source_deleted",
      actor: "api-key:test",
    });

    // Deleting the session removes the last source of the shared fact.
    await api.memory.delete({ sessionId: "s1" });
    expect(await api.facts.get({ uuid: shared.uuid })).toMatchObject({ invalid_reason: "source_deleted" });
    expect((await api.facts.forUser({ userId: "jane" })).map((f) => f.uuid)).toEqual([manual.uuid]);
  });

  it("a pinned fact stays valid when its only source message, then its session, is deleted, and says so", async () => {
    const { api, uuids } = await janeWithSession();
    const pinned = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane is allergic to peanuts.",
      pinned: true,
      source_message_uuids: [uuids[2]!],
    });
    const alsoPinned = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane lives in Lisbon.",
      source_message_uuids: [uuids[0]!],
    });
    await api.facts.pin({ uuid: alsoPinned.uuid, pinned: true });
    const unpinned = await api.facts.addForUser({
      userId: "jane",
      fact: "Jane moved last spring.",
      source_message_uuids: [uuids[0]!],
    });
    expect(pinned.sources_deleted_at).toBeNull();

    await api.messages.delete({ sessionId: "s1", uuid: uuids[2]! });
    const kept = await api.facts.get({ uuid: pinned.uuid });
    expect(kept).toMatchObject({ invalid_at: null, invalid_reason: null, pinned: true });
    expect(kept.sources_deleted_at).toEqual(expect.any(String));
    expect((await api.facts.history({ uuid: pinned.uuid })).changes.at(-1)).toMatchObject({
      action: "kept_pinned_source_deleted",
      actor: "api-key:test",
      after: { fact: "Jane is allergic to peanuts.", sources_deleted_at: expect.any(String) },
    });
    // Memory still hands the pinned fact to the model.
    const memory = await api.memory.get({ sessionId: "s1" });
    expect(memory.relevant_facts?.map((fact) => fact.fact)).toContain("Jane is allergic to peanuts.");

    // Deleting the session takes the last source of both remaining facts: only the unpinned one ends.
    await api.memory.delete({ sessionId: "s1" });
    expect(await api.facts.get({ uuid: alsoPinned.uuid })).toMatchObject({ invalid_at: null, pinned: true });
    expect((await api.facts.get({ uuid: alsoPinned.uuid })).sources_deleted_at).toEqual(expect.any(String));
    expect(await api.facts.get({ uuid: unpinned.uuid })).toMatchObject({ invalid_reason: "source_deleted" });
    expect((await api.facts.forUser({ userId: "jane" })).map((fact) => fact.fact).sort()).toEqual([
      "Jane is allergic to peanuts.",
      "Jane lives in Lisbon.",
    ]);
    // Recorded once, not again on a later deletion.
    const changes = (await api.facts.history({ uuid: pinned.uuid })).changes;
    expect(changes.filter((change) => change.action === "kept_pinned_source_deleted")).toHaveLength(1);
  });

  it("memory returns the relevant valid facts, honours minRating, and budgets them with max_tokens", async () => {
    const { api } = await janeWithSession();
    await api.facts.addForUser({ userId: "jane", fact: "Jane's brother is called Tom.", rating: 0.4 });
    await api.facts.addForUser({ userId: "jane", fact: "Jane is allergic to peanuts.", rating: 0.9 });
    await api.facts.addForUser({ userId: "jane", fact: "Jane moved to Lisbon in spring.", rating: 0.6 });
    const gone = await api.facts.addForUser({ userId: "jane", fact: "Jane lives in Porto.", rating: 1 });
    await api.facts.reject({ uuid: gone.uuid });

    const memory = await api.memory.get({ sessionId: "s1", includeContext: true });
    // Lisbon and peanuts appear in the recent messages; Tom does not.
    expect(memory.relevant_facts.map((fact) => fact.fact)).toEqual([
      "Jane moved to Lisbon in spring.",
      "Jane is allergic to peanuts.",
      "Jane's brother is called Tom.",
    ]);
    expect(memory.facts).toEqual(memory.relevant_facts.map((fact) => fact.fact));
    expect(memory.context).toContain("- Jane is allergic to peanuts.");
    expect(memory.context).not.toContain("Porto");

    const rated = await api.memory.get({ sessionId: "s1", minRating: 0.5 });
    expect(rated.relevant_facts.map((fact) => fact.fact)).toEqual([
      "Jane moved to Lisbon in spring.",
      "Jane is allergic to peanuts.",
    ]);

    const full = memory.messages.reduce((sum, message) => sum + message.token_count, 0);
    const factTokens = memory.relevant_facts.map((fact) => fact.token_count);
    const tight = await api.memory.get({ sessionId: "s1", maxTokens: full + factTokens[0]! });
    const used =
      tight.messages.reduce((sum, message) => sum + message.token_count, 0) +
      tight.relevant_facts.reduce((sum, fact) => sum + fact.token_count, 0);
    expect(used).toBeLessThanOrEqual(full + factTokens[0]!);
    expect(tight.relevant_facts.length).toBeGreaterThanOrEqual(1);
    expect(tight.relevant_facts.length).toBeLessThan(3);
    expect(tight.relevant_facts[0]!.fact).toBe("Jane moved to Lisbon in spring.");
  });

  it("searches facts with search_scope facts", async () => {
    const { api } = await janeWithSession();
    await api.facts.addForUser({ userId: "jane", fact: "Jane is allergic to peanuts.", rating: 0.9 });
    await api.facts.addForUser({ userId: "jane", fact: "Jane moved to Lisbon.", rating: 0.3 });
    const hits = await api.search.query({ sessionId: "s1", text: "peanut allergy", search_scope: "facts" });
    expect(hits.map((hit) => hit.fact?.fact)).toEqual(["Jane is allergic to peanuts."]);
    expect(hits[0]!.score).toBeGreaterThan(0.5);
    const byUser = await api.search.query({ userId: "jane", text: "Lisbon", search_scope: "facts" });
    expect(byUser.map((hit) => hit.fact?.fact)).toEqual(["Jane moved to Lisbon."]);
    expect(
      await api.search.query({ userId: "jane", text: "Lisbon", search_scope: "facts", min_fact_rating: 0.5 }),
    ).toEqual([]);
    await expect(
      api.search.query({ sessionId: "s1", search_scope: "facts", metadata: { start_date: "2020-01-01" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("says fact extraction is off without an LLM", async () => {
    const api = await callerFor(t.db);
    expect(await api.facts.status()).toEqual({
      extractor: null,
      off_reason: "no LLM is configured: set ENGRAM_FACTS_BASE_URL or ENGRAM_SUMMARIZER_BASE_URL",
    });
  });
});
