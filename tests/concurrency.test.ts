import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

const CLIENTS = 20;
const BATCH = 3;

const clients = (db: Parameters<typeof callerFor>[0]) =>
  Promise.all(Array.from({ length: CLIENTS }, () => callerFor(db)));

const batchOf = (client: number) =>
  Array.from({ length: BATCH }, (_, index) => ({
    role: `client ${client}`,
    content: `client ${client} #${index}`,
  }));

async function allMessages(api: Api, sessionId: string) {
  return (await api.messages.list({ sessionId, limit: 1000 })).messages;
}

/** Every client's batch appears exactly once, contiguous and in its own order. */
function expectContiguousBatches(contents: string[]) {
  for (let client = 0; client < CLIENTS; client++) {
    const expected = batchOf(client).map((m) => m.content);
    const start = contents.indexOf(expected[0]!);
    expect(start, `batch of client ${client}`).toBeGreaterThanOrEqual(0);
    expect(contents.slice(start, start + BATCH)).toEqual(expected);
    expect(contents.filter((content) => content.startsWith(`client ${client} #`))).toHaveLength(BATCH);
  }
}

describe.each(backends)("concurrency on %s", (backend) => {
  const t = useTestDatabase(backend, `concurrency_${backend}`);

  it("stores 20 concurrent batches on one session exactly once, each contiguous and in order", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "opening" }] });
    const callers = await clients(t.db);
    const results = await Promise.all(
      callers.map((caller, client) => caller.memory.add({ sessionId: "s", messages: batchOf(client) })),
    );
    expect(results.map((r) => r.added)).toEqual(Array(CLIENTS).fill(BATCH));

    const messages = await allMessages(api, "s");
    expect(messages).toHaveLength(1 + CLIENTS * BATCH);
    expect(messages[0]!.content).toBe("opening");
    expectContiguousBatches(messages.map((m) => m.content));
    expect(new Set(messages.map((m) => m.position)).size).toBe(messages.length);
    expect(new Set(messages.map((m) => m.uuid)).size).toBe(messages.length);
    const session = await api.sessions.get({ sessionId: "s" });
    expect(session.message_count).toBe(1 + CLIENTS * BATCH);
    expect(session.token_count).toBe(messages.reduce((sum, m) => sum + m.token_count, 0));
  });

  it("creates a new session once when 20 clients add to it at once", async () => {
    const callers = await clients(t.db);
    const results = await Promise.all(
      callers.map((caller, client) => caller.memory.add({ sessionId: "fresh", messages: batchOf(client) })),
    );
    expect(results.every((r) => r.added === BATCH)).toBe(true);

    const api = await callerFor(t.db);
    expect((await api.sessions.list({})).map((s) => s.session_id)).toEqual(["fresh"]);
    const messages = await allMessages(api, "fresh");
    expect(messages).toHaveLength(CLIENTS * BATCH);
    expectContiguousBatches(messages.map((m) => m.content));
    expect((await api.sessions.get({ sessionId: "fresh" })).message_count).toBe(CLIENTS * BATCH);
  });

  it("stores a batch re-sent by many clients at once exactly once", async () => {
    const batch = batchOf(0).map((message) => ({ ...message, uuid: crypto.randomUUID() }));
    const callers = await clients(t.db);
    const results = await Promise.all(
      callers.map((caller) => caller.memory.add({ sessionId: "retry", messages: batch })),
    );
    expect(results.reduce((sum, r) => sum + r.added, 0)).toBe(BATCH);

    const api = await callerFor(t.db);
    const messages = await allMessages(api, "retry");
    expect(messages.map((m) => m.uuid)).toEqual(batch.map((m) => m.uuid));
    expect((await api.sessions.get({ sessionId: "retry" })).message_count).toBe(BATCH);
  });

  it("gives a message uuid to one session only when two sessions race for it", async () => {
    const uuid = crypto.randomUUID();
    const [a, b] = await clients(t.db);
    const outcomes = await Promise.allSettled(
      [a!, b!].map((caller, index) =>
        caller.memory.add({
          sessionId: `race-${index}`,
          messages: [{ uuid, role: "x", content: `from ${index}` }],
        }),
      ),
    );
    const won = outcomes.findIndex((outcome) => outcome.status === "fulfilled");
    const lost = 1 - won;
    expect(won).toBeGreaterThanOrEqual(0);
    expect(outcomes[lost]).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });

    const api = await callerFor(t.db);
    expect((await api.messages.get({ sessionId: `race-${won}`, uuid })).content).toBe(`from ${won}`);
    await expect(api.sessions.get({ sessionId: `race-${lost}` })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses, rather than deadlocks, batches racing for the same uuids in opposite orders", async () => {
    const callers = await clients(t.db);
    // Many shared uuids per pair, so the two inserts overlap long enough to meet in the middle.
    const pairs = Array.from({ length: CLIENTS / 2 }, () =>
      Array.from({ length: 200 }, () => crypto.randomUUID()),
    );
    const outcomes = await Promise.allSettled(
      callers.map((caller, client) => {
        const uuids = pairs[Math.floor(client / 2)]!;
        const order = client % 2 === 0 ? uuids : [...uuids].reverse();
        return caller.memory.add({
          sessionId: `pair-${client}`,
          messages: order.map((uuid) => ({ uuid, role: "x", content: `client ${client}` })),
        });
      }),
    );
    const api = await callerFor(t.db);
    for (let pair = 0; pair < pairs.length; pair++) {
      const results = [outcomes[pair * 2]!, outcomes[pair * 2 + 1]!];
      expect(
        results.filter((outcome) => outcome.status === "fulfilled"),
        `pair ${pair}`,
      ).toHaveLength(1);
      expect(results.find((outcome) => outcome.status === "rejected")).toMatchObject({
        reason: { code: "CONFLICT" },
      });
      const loser = pair * 2 + results.findIndex((outcome) => outcome.status === "rejected");
      await expect(api.sessions.get({ sessionId: `pair-${loser}` })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("creates a session or user once when clients race to create it", async () => {
    const callers = await clients(t.db);
    const sessions = await Promise.allSettled(
      callers.map((caller, client) => caller.sessions.create({ session_id: "s", metadata: { client } })),
    );
    expect(sessions.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of sessions.filter((o) => o.status === "rejected")) {
      expect(outcome).toMatchObject({ reason: { code: "CONFLICT" } });
    }

    const users = await Promise.allSettled(callers.map((caller) => caller.users.create({ user_id: "jane" })));
    expect(users.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of users.filter((o) => o.status === "rejected")) {
      expect(outcome).toMatchObject({ reason: { code: "CONFLICT" } });
    }
  });
});
