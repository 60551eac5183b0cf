import { describe, expect, it } from "vitest";
import type { Principal } from "@/server/trpc/init";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

const support: Principal = { kind: "account", accountId: 1, email: "sue@example.com", role: "support" };

/** An entity's metadata history, oldest change first. */
async function history(api: Api, entityType: "user" | "session" | "message", entityId: string) {
  const { changes } = await api.audit.metadataHistory({ entity_type: entityType, entity_id: entityId });
  return changes.reverse().map(({ actor, before, after }) => ({ actor, before, after }));
}

const base = {
  profile: { name: "Jane", address: { city: "Paris", zip: "75001" } },
  tags: ["a", "b"],
  score: 1,
};
const patch = { profile: { address: { city: "Lyon" }, age: 30 }, tags: ["c"], score: null, added: true };
const merged = {
  profile: { name: "Jane", address: { city: "Lyon", zip: "75001" }, age: 30 },
  tags: ["c"],
  score: null,
  added: true,
};

const reserved = expect.objectContaining({
  code: "BAD_REQUEST",
  message: expect.stringContaining('metadata key "system" is reserved'),
});

describe.each(backends)("metadata on %s", (backend) => {
  const t = useTestDatabase(backend, `metadata_${backend}`);

  it("deep-merges user metadata and records each change", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane", metadata: base });
    const updated = await api.users.update({ userId: "jane", patch: { metadata: patch } });
    expect(updated.metadata).toEqual(merged);
    expect((await api.users.get({ userId: "jane" })).metadata).toEqual(merged);
    expect(await history(api, "user", "jane")).toEqual([
      { actor: "api-key:test", before: {}, after: base },
      { actor: "api-key:test", before: base, after: merged },
    ]);
  });

  it("deep-merges session metadata and records each change", async () => {
    const api = await callerFor(t.db);
    await api.sessions.create({ session_id: "s", metadata: base });
    const updated = await api.sessions.update({ sessionId: "s", patch: { metadata: patch } });
    expect(updated.metadata).toEqual(merged);
    expect((await api.sessions.get({ sessionId: "s" })).metadata).toEqual(merged);
    expect(await history(api, "session", "s")).toEqual([
      { actor: "api-key:test", before: {}, after: base },
      { actor: "api-key:test", before: base, after: merged },
    ]);
  });

  it("deep-merges message metadata, keeps content and token count, and records the change", async () => {
    const api = await callerFor(t.db);
    const added = await api.memory.add({
      sessionId: "s",
      messages: [{ role: "Jane", content: "tiktoken is great!", metadata: base }],
    });
    const uuid = added.message_uuids[0]!;
    const updated = await api.messages.update({ sessionId: "s", uuid, patch: { metadata: patch } });
    expect(updated.metadata).toEqual(merged);
    expect(updated.content).toBe("tiktoken is great!");
    expect(updated.token_count).toBe(6);
    expect(await api.messages.get({ sessionId: "s", uuid })).toEqual(updated);
    expect(await history(api, "message", uuid)).toEqual([
      { actor: "api-key:test", before: base, after: merged },
    ]);
  });

  it("removes top-level keys on users, sessions and messages, after merging, and records it", async () => {
    const api = await callerFor(t.db);
    const removal = { metadata: { added: true }, remove_metadata_keys: ["tags", "score", "absent"] };
    const { profile } = base;
    await api.users.create({ user_id: "jane", metadata: base });
    expect((await api.users.annotate({ userId: "jane", patch: removal })).metadata).toEqual({
      profile,
      added: true,
    });
    await api.sessions.create({ session_id: "s", metadata: base });
    expect((await api.sessions.annotate({ sessionId: "s", patch: removal })).metadata).toEqual({
      profile,
      added: true,
    });
    const added = await api.memory.add({
      sessionId: "s",
      messages: [{ role: "Jane", content: "hi", metadata: base }],
    });
    const uuid = added.message_uuids[0]!;
    const message = await api.messages.update({ sessionId: "s", uuid, patch: removal });
    expect(message.metadata).toEqual({ profile, added: true });
    expect(await history(api, "message", uuid)).toEqual([
      { actor: "api-key:test", before: base, after: { profile, added: true } },
    ]);
    await expect(
      api.sessions.annotate({ sessionId: "s", patch: { remove_metadata_keys: ["system"] } }),
    ).rejects.toEqual(reserved);
  });

  it("records who made a change from the dashboard, and nothing when nothing changed", async () => {
    const api = await callerFor(t.db);
    const sue = await callerFor(t.db, support);
    await api.sessions.create({ session_id: "s", metadata: { flag: "red" } });
    await sue.sessions.annotate({ sessionId: "s", patch: { metadata: { flag: "green", note: "checked" } } });
    await sue.sessions.annotate({ sessionId: "s", patch: { metadata: { flag: "green" } } });
    await api.sessions.update({ sessionId: "s", patch: { memory_type: "perpetual" } });
    expect(await history(api, "session", "s")).toEqual([
      { actor: "api-key:test", before: {}, after: { flag: "red" } },
      {
        actor: "account:sue@example.com",
        before: { flag: "red" },
        after: { flag: "green", note: "checked" },
      },
    ]);

    // Support staff annotate; they may not write conversations or change the session's settings.
    await expect(
      sue.memory.add({ sessionId: "s", messages: [{ role: "x", content: "hi" }] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      sue.sessions.update({ sessionId: "s", patch: { metadata: { flag: "blue" } } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("rejects the reserved top-level system key everywhere a caller writes metadata, writing nothing", async () => {
    const api = await callerFor(t.db);
    const system = { system: { entities: [] } };
    await expect(api.users.create({ user_id: "jane", metadata: system })).rejects.toEqual(reserved);
    await expect(api.users.get({ userId: "jane" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.sessions.create({ session_id: "s", metadata: system })).rejects.toEqual(reserved);
    await expect(api.sessions.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "hi", metadata: system }] }),
    ).rejects.toEqual(reserved);
    await expect(api.sessions.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await api.users.create({ user_id: "jane", metadata: { a: 1 } });
    await api.sessions.create({ session_id: "s", metadata: { a: 1 } });
    const added = await api.memory.add({
      sessionId: "s",
      messages: [{ role: "x", content: "hi", metadata: { a: 1 } }],
    });
    const uuid = added.message_uuids[0]!;
    await expect(
      api.users.update({ userId: "jane", patch: { metadata: { b: 2, ...system } } }),
    ).rejects.toEqual(reserved);
    await expect(
      api.sessions.update({ sessionId: "s", patch: { metadata: { b: 2, ...system } } }),
    ).rejects.toEqual(reserved);
    await expect(
      api.messages.update({ sessionId: "s", uuid, patch: { metadata: { b: 2, ...system } } }),
    ).rejects.toEqual(reserved);
    expect((await api.users.get({ userId: "jane" })).metadata).toEqual({ a: 1 });
    expect((await api.sessions.get({ sessionId: "s" })).metadata).toEqual({ a: 1 });
    expect((await api.messages.get({ sessionId: "s", uuid })).metadata).toEqual({ a: 1 });
    expect(await history(api, "message", uuid)).toEqual([]);

    // Only the top level is reserved.
    const nested = await api.sessions.update({
      sessionId: "s",
      patch: { metadata: { labels: { system: "ok" } } },
    });
    expect(nested.metadata).toEqual({ a: 1, labels: { system: "ok" } });
  });

  it("refuses metadata that is not a JSON object", async () => {
    const api = await callerFor(t.db);
    await api.sessions.create({ session_id: "s" });
    for (const metadata of [["a"], "text", 3]) {
      await expect(
        api.sessions.update({ sessionId: "s", patch: { metadata: metadata as never } }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("metadata must be a JSON object"),
      });
    }
    expect((await api.sessions.get({ sessionId: "s" })).metadata).toEqual({});
  });
});
