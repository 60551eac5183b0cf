import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "./support/databases";

describe.each(backends)("sessions on %s", (backend) => {
  const t = useTestDatabase(backend, `sessions_${backend}`);

  it("creates a session for a user and gets it back", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    const created = await api.sessions.create({
      session_id: "s1",
      user_id: "jane",
      metadata: { channel: "web" },
      memory_type: "perpetual",
    });
    expect(created).toMatchObject({
      session_id: "s1",
      user_id: "jane",
      metadata: { channel: "web" },
      memory_type: "perpetual",
      message_count: 0,
      token_count: 0,
      last_message_at: null,
    });
    expect(await api.sessions.get({ sessionId: "s1" })).toEqual(created);

    // Adding memory keeps what the session was created with.
    await api.memory.add({ sessionId: "s1", messages: [{ role: "Jane", content: "Hello world" }] });
    const session = await api.sessions.get({ sessionId: "s1" });
    expect(session).toMatchObject({
      user_id: "jane",
      metadata: { channel: "web" },
      memory_type: "perpetual",
    });
    expect(session.message_count).toBe(1);
    expect(session.token_count).toBe(2);
    expect(session.last_message_at).not.toBeNull();
  });

  it("refuses an unknown user with BAD_REQUEST and creates nothing", async () => {
    const api = await callerFor(t.db);
    await expect(api.sessions.create({ session_id: "s1", user_id: "ghost" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('user "ghost" does not exist'),
    });
    await expect(api.sessions.get({ sessionId: "s1" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await api.users.create({ user_id: "gone" });
    await api.users.delete({ userId: "gone" });
    await expect(api.sessions.create({ session_id: "s1", user_id: "gone" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await api.sessions.list({})).toEqual([]);
  });

  it("refuses a session id that exists, keeping the first session", async () => {
    const api = await callerFor(t.db);
    await api.sessions.create({ session_id: "s1", metadata: { first: true } });
    await expect(api.sessions.create({ session_id: "s1", metadata: { second: true } })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        message: expect.stringContaining("already exists"),
      },
    );
    await api.memory.add({ sessionId: "s2", messages: [{ role: "x", content: "auto-created" }] });
    await expect(api.sessions.create({ session_id: "s2" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.sessions.get({ sessionId: "s1" })).metadata).toEqual({ first: true });
  });

  it("creates a deleted session's id afresh, without its old messages", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.sessions.create({ session_id: "s1", metadata: { old: true }, memory_type: "perpetual" });
    const added = await api.memory.add({ sessionId: "s1", messages: [{ role: "x", content: "old" }] });
    await api.memory.addSummary({
      sessionId: "s1",
      content: "old summary",
      recent_message_uuid: added.message_uuids[0]!,
    });
    await api.memory.delete({ sessionId: "s1" });

    const created = await api.sessions.create({ session_id: "s1", user_id: "jane" });
    expect(created).toMatchObject({ user_id: "jane", metadata: {}, memory_type: null, message_count: 0 });
    const memory = await api.memory.get({ sessionId: "s1" });
    expect(memory.messages).toEqual([]);
    expect(memory.summary).toBeUndefined();

    await api.memory.add({ sessionId: "s1", messages: [{ role: "x", content: "new" }] });
    expect((await api.memory.get({ sessionId: "s1" })).messages.map((m) => m.content)).toEqual(["new"]);
  });

  it("updates metadata and the default memory type", async () => {
    const api = await callerFor(t.db);
    await api.sessions.create({ session_id: "s1", metadata: { a: 1 } });
    let session = await api.sessions.update({ sessionId: "s1", patch: { memory_type: "summary_retriever" } });
    expect(session).toMatchObject({ memory_type: "summary_retriever", metadata: { a: 1 } });
    session = await api.sessions.update({ sessionId: "s1", patch: { metadata: { b: 2 } } });
    expect(session).toMatchObject({ memory_type: "summary_retriever", metadata: { a: 1, b: 2 } });
    session = await api.sessions.update({ sessionId: "s1", patch: { memory_type: null } });
    expect(session.memory_type).toBeNull();
    expect(await api.sessions.get({ sessionId: "s1" })).toEqual(session);

    await expect(
      api.sessions.update({ sessionId: "s1", patch: { memory_type: "everything" as never } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("memory type must be one of"),
    });
    await expect(api.sessions.update({ sessionId: "nope", patch: { metadata: {} } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists sessions a page at a time, optionally one user's", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    for (let index = 1; index <= 7; index++) {
      await api.sessions.create({ session_id: `s${index}`, user_id: index % 2 === 0 ? "jane" : null });
    }
    await api.memory.delete({ sessionId: "s5" });

    const seen: string[] = [];
    let cursor = 0;
    for (;;) {
      const page = await api.sessions.list({ limit: 3, cursor });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((s) => s.session_id));
      cursor = page[page.length - 1]!.id;
    }
    expect(seen).toEqual(["s1", "s2", "s3", "s4", "s6", "s7"]);

    const jane = await api.sessions.list({ user_id: "jane", limit: 2 });
    expect(jane.map((s) => s.session_id)).toEqual(["s2", "s4"]);
    const janeRest = await api.sessions.list({ user_id: "jane", limit: 2, cursor: jane[1]!.id });
    expect(janeRest.map((s) => s.session_id)).toEqual(["s6"]);

    await expect(api.sessions.list({ limit: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("limit must be at least 1"),
    });
    await expect(api.sessions.list({ cursor: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is NOT_FOUND for an unknown session", async () => {
    const api = await callerFor(t.db);
    await expect(api.sessions.get({ sessionId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("nope"),
    });
  });
  it("attaches a session to an existing user, moves and detaches it, with an audit; refuses unknown users and support", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.users.create({ user_id: "bob" });
    await api.sessions.create({ session_id: "s1" });
    // A fact learnt while the session had no user belongs to the session.
    await api.facts.addForSession({ sessionId: "s1", fact: "Prefers email over phone." });

    await expect(api.sessions.setUser({ sessionId: "s1", user_id: "nobody" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("nobody"),
    });
    await expect(api.sessions.setUser({ sessionId: "missing", user_id: "jane" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.sessions.setUser({ sessionId: "s1", user_id: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const support = await callerFor(t.db, {
      kind: "account",
      accountId: 7,
      email: "s@example.com",
      role: "support",
    });
    await expect(support.sessions.setUser({ sessionId: "s1", user_id: "jane" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await api.sessions.get({ sessionId: "s1" })).user_id).toBeNull();

    const operator = await callerFor(t.db, {
      kind: "account",
      accountId: 8,
      email: "o@example.com",
      role: "operator",
    });
    expect(await operator.sessions.setUser({ sessionId: "s1", user_id: "jane" })).toMatchObject({
      user_id: "jane",
    });
    expect((await api.users.sessions({ userId: "jane" })).map((session) => session.session_id)).toEqual([
      "s1",
    ]);
    // The session's fact is now about Jane.
    expect((await api.facts.forUser({ userId: "jane" })).map((fact) => fact.fact)).toEqual([
      "Prefers email over phone.",
    ]);

    await operator.sessions.setUser({ sessionId: "s1", user_id: "bob" });
    await operator.sessions.setUser({ sessionId: "s1", user_id: null });
    expect((await api.sessions.get({ sessionId: "s1" })).user_id).toBeNull();
    expect(await api.users.sessions({ userId: "bob" })).toEqual([]);

    const history = await api.audit.metadataHistory({ entity_type: "session", entity_id: "s1" });
    expect(
      history.changes
        .filter((change) => change.field === "user_id")
        .map((change) => [change.before, change.after, change.actor]),
    ).toEqual([
      [{ user_id: "bob" }, { user_id: null }, "account:o@example.com"],
      [{ user_id: "jane" }, { user_id: "bob" }, "account:o@example.com"],
      [{ user_id: null }, { user_id: "jane" }, "account:o@example.com"],
    ]);
  });
});
