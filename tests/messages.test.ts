import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { memoryWindowQuery, newestMessagesQuery } from "@/server/services/memory";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

async function addNumbered(api: Api, sessionId: string, count: number) {
  const messages = Array.from({ length: count }, (_, index) => ({ role: "x", content: `m${index + 1}` }));
  return (await api.memory.add({ sessionId, messages })).message_uuids;
}

const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `m${from + index}`);

describe.each(backends)("messages on %s", (backend) => {
  const t = useTestDatabase(backend, `messages_${backend}`);

  it("lists a session's messages forward a page at a time", async () => {
    const api = await callerFor(t.db);
    await addNumbered(api, "s", 12);
    await addNumbered(api, "other", 3);
    await api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "m13" }] });

    const seen: string[] = [];
    const positions: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await api.messages.list({ sessionId: "s", limit: 5, cursor });
      pages += 1;
      seen.push(...page.messages.map((m) => m.content));
      positions.push(...page.messages.map((m) => m.position));
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(numbered(1, 13));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(13);
  });

  it("lists backward, newest first, and pages meet without gap or overlap", async () => {
    const api = await callerFor(t.db);
    await addNumbered(api, "s", 10);
    const first = await api.messages.list({ sessionId: "s", limit: 4, direction: "backward" });
    expect(first.messages.map((m) => m.content)).toEqual(["m10", "m9", "m8", "m7"]);
    expect(first.next_cursor).toBe(first.messages[3]!.position);
    const second = await api.messages.list({
      sessionId: "s",
      limit: 4,
      direction: "backward",
      cursor: first.next_cursor!,
    });
    expect(second.messages.map((m) => m.content)).toEqual(["m6", "m5", "m4", "m3"]);
    const last = await api.messages.list({
      sessionId: "s",
      limit: 4,
      direction: "backward",
      cursor: second.next_cursor!,
    });
    expect(last.messages.map((m) => m.content)).toEqual(["m2", "m1"]);
    expect(last.next_cursor).toBeNull();

    // Exactly a page left: no cursor to an empty page.
    const exact = await api.messages.list({ sessionId: "s", limit: 10 });
    expect(exact.messages).toHaveLength(10);
    expect(exact.next_cursor).toBeNull();
  });

  it("is NOT_FOUND when listing an unknown session and refuses bad paging", async () => {
    const api = await callerFor(t.db);
    await expect(api.messages.list({ sessionId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await addNumbered(api, "s", 1);
    await expect(api.messages.list({ sessionId: "s", limit: 1001 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("limit must be at most 1000"),
    });
    await expect(api.messages.list({ sessionId: "s", cursor: -3 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cursor must not be negative"),
    });
  });

  it("gets a message by uuid, and is NOT_FOUND for unknown, foreign or malformed uuids", async () => {
    const api = await callerFor(t.db);
    const [first, second] = await addNumbered(api, "s", 2);
    const [foreign] = await addNumbered(api, "other", 1);

    const message = await api.messages.get({ sessionId: "s", uuid: second! });
    expect(message).toMatchObject({ uuid: second, content: "m2", role: "x", role_type: "norole" });
    expect((await api.messages.get({ sessionId: "s", uuid: first!.toUpperCase() })).content).toBe("m1");

    const unknown = crypto.randomUUID();
    await expect(api.messages.get({ sessionId: "s", uuid: unknown })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining(unknown),
    });
    await expect(api.messages.get({ sessionId: "s", uuid: foreign! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.messages.get({ sessionId: "s", uuid: "not-a-uuid" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("not-a-uuid"),
    });
    await expect(api.messages.get({ sessionId: "nope", uuid: first! })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("session"),
    });
  });

  it("updates a message's metadata, keeping its content and token count", async () => {
    const api = await callerFor(t.db);
    const added = await api.memory.add({
      sessionId: "s",
      messages: [{ role: "Jane", role_type: "user", content: "tiktoken is great!", metadata: { keep: 1 } }],
    });
    const uuid = added.message_uuids[0]!;
    const before = await api.messages.get({ sessionId: "s", uuid });
    const updated = await api.messages.update({
      sessionId: "s",
      uuid,
      patch: { metadata: { label: "praise" } },
    });
    expect(updated).toMatchObject({
      uuid,
      content: "tiktoken is great!",
      role: "Jane",
      role_type: "user",
      token_count: 6,
      metadata: { keep: 1, label: "praise" },
      created_at: before.created_at,
    });
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
    expect(await api.messages.get({ sessionId: "s", uuid })).toEqual(updated);
    expect((await api.sessions.get({ sessionId: "s" })).token_count).toBe(6);

    await expect(
      api.messages.update({ sessionId: "s", uuid: crypto.randomUUID(), patch: { metadata: { a: 1 } } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      api.messages.update({ sessionId: "s", uuid: "bogus", patch: { metadata: { a: 1 } } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads the last messages of a large session through an index", async () => {
    const api = await callerFor(t.db);
    for (let batch = 0; batch < 4; batch++) {
      await api.memory.add({
        sessionId: "big",
        messages: Array.from({ length: 1000 }, (_, index) => ({
          role: "x",
          content: `message ${batch * 1000 + index} about something`,
        })),
      });
    }
    await addNumbered(api, "small", 20);
    await t.db.execute(sql`analyze messages`);
    const session = await api.sessions.get({ sessionId: "big" });
    expect(session.message_count).toBe(4000);

    const plan = await queryRows<Record<string, string>>(
      t.db,
      sql`explain ${newestMessagesQuery(t.db, session.id, { limit: 12 })}`,
    );
    const text = plan.map((row) => Object.values(row)[0]).join("\n");
    expect(text).toMatch(/Index Scan Backward using messages_(live_)?session_seq_idx on messages/);
    expect(text).not.toContain("Seq Scan");

    // Memory's one-statement read (session, latest summary, messages after it) uses the same index.
    const memoryPlan = await queryRows<Record<string, string>>(
      t.db,
      sql`explain ${memoryWindowQuery(t.db, "big", 12)}`,
    );
    const memoryText = memoryPlan.map((row) => Object.values(row)[0]).join("\n");
    expect(memoryText).toMatch(/Index Scan Backward using messages_(live_)?session_seq_idx on messages/);
    expect(memoryText).not.toMatch(/Seq Scan on (messages|summaries)/);

    const memory = await api.memory.get({ sessionId: "big", lastn: 3 });
    expect(memory.messages.map((m) => m.content)).toEqual([
      "message 3997 about something",
      "message 3998 about something",
      "message 3999 about something",
    ]);
  });
});
