import {
  APIError,
  AuthenticationError,
  Memory,
  MemorySearchPayload,
  Message,
  NotFoundError,
  Session,
  ZepClient,
} from "@getzep/zep-js";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createEngramClient } from "@/server/trpc/client";
import { serverForTests } from "../support/server";

// Zep's own v1 client (@getzep/zep-js 0.10.0), unmodified, against a production build.
const server = serverForTests("zep_v1");
let zep: ZepClient;

/** A message's metadata without the `system` key that background enrichment may add at any time. */
const callerMetadata = (metadata: Record<string, unknown> | undefined) => {
  const { system: _system, ...rest } = metadata ?? {};
  return rest;
};

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const quiet = () => vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  zep = await ZepClient.init(server.url, server.apiKey);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Zep v1 client", () => {
  it("initializes against /healthz without a version warning", async () => {
    const warn = quiet();
    const client = await ZepClient.init(server.url, server.apiKey);
    expect(client).toBeInstanceOf(ZepClient);
    expect(warn).not.toHaveBeenCalled();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("X-Zep-Version")).toBe("0.27.2");
  });

  it("raises AuthenticationError for a wrong key and for no key", async () => {
    const wrong = await ZepClient.init(server.url, "not-the-right-key-at-all");
    expect(await thrown(wrong.memory.getSession("anything"))).toBeInstanceOf(AuthenticationError);
    expect(await thrown(wrong.user.list())).toBeInstanceOf(AuthenticationError);
    const anonymous = await ZepClient.init(server.url);
    expect(await thrown(anonymous.memory.addMemory("s", new Memory({ messages: [] })))).toBeInstanceOf(
      AuthenticationError,
    );
  });

  it("manages users: add, get, update (merged metadata), list with paging, sessions, delete", async () => {
    const added = await zep.user.add({
      user_id: "v1-ada",
      email: "ada@example.com",
      first_name: "Ada",
      last_name: "Lovelace",
      metadata: { plan: "pro", prefs: { tone: "warm" } },
    });
    expect(added.user_id).toBe("v1-ada");
    expect(added.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.created_at).toBeTruthy();

    const duplicate = await thrown(zep.user.add({ user_id: "v1-ada" }));
    expect(duplicate).toBeInstanceOf(APIError);
    expect((duplicate as APIError).code).toBe(400);

    const fetched = await zep.user.get("v1-ada");
    expect(fetched.email).toBe("ada@example.com");

    const updated = await zep.user.update({ user_id: "v1-ada", metadata: { prefs: { language: "en" } } });
    expect(updated.metadata).toEqual({ plan: "pro", prefs: { tone: "warm", language: "en" } });
    expect(updated.first_name).toBe("Ada");

    await zep.user.add({ user_id: "v1-bob" });
    await zep.user.add({ user_id: "v1-cy" });
    const firstPage = await zep.user.list(2);
    expect(firstPage.map((u) => u.user_id)).toEqual(["v1-ada", "v1-bob"]);
    const secondPage = await zep.user.list(2, firstPage[1]!.id);
    expect(secondPage.map((u) => u.user_id)).toEqual(["v1-cy"]);
    // listChunked adds the chunk size to the cursor, as if ids had no gaps; with gaps (a failed
    // insert takes an id) it may see a user twice, as it did against Zep, but never misses one.
    const chunked: string[] = [];
    for await (const chunk of zep.user.listChunked(2)) chunked.push(...chunk.map((u) => u.user_id!));
    expect(new Set(chunked)).toEqual(new Set(["v1-ada", "v1-bob", "v1-cy"]));

    await zep.memory.addSession(new Session({ session_id: "v1-ada-chat", user_id: "v1-ada", metadata: {} }));
    const sessions = await zep.user.getSessions("v1-ada");
    expect(sessions.map((s) => s.session_id)).toEqual(["v1-ada-chat"]);
    expect(sessions[0]).toBeInstanceOf(Session);

    expect(await zep.user.delete("v1-ada")).toBe("OK");
    expect(await thrown(zep.user.get("v1-ada"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.memory.getSession("v1-ada-chat"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.user.delete("v1-ada"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.user.getSessions("v1-nobody"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.user.update({ user_id: "v1-nobody", email: "x@example.com" }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("manages sessions: add, get, update (merged metadata), list with paging", async () => {
    await zep.user.add({ user_id: "v1-sess-owner" });
    const session = await zep.memory.addSession(
      new Session({
        session_id: "v1-s1",
        user_id: "v1-sess-owner",
        metadata: { channel: "web", a: { b: 1 } },
      }),
    );
    expect(session.session_id).toBe("v1-s1");
    expect(session.user_id).toBe("v1-sess-owner");
    expect(session.metadata).toEqual({ channel: "web", a: { b: 1 } });

    const duplicate = await thrown(zep.memory.addSession(new Session({ session_id: "v1-s1", metadata: {} })));
    expect((duplicate as APIError).code).toBe(400);
    const unknownUser = await thrown(
      zep.memory.addSession(new Session({ session_id: "v1-s-orphan", user_id: "v1-ghost", metadata: {} })),
    );
    expect((unknownUser as APIError).code).toBe(400);
    expect(await thrown(zep.memory.getSession("v1-s-orphan"))).toBeInstanceOf(NotFoundError);

    const updated = await zep.memory.updateSession(
      new Session({ session_id: "v1-s1", metadata: { a: { c: 2 } } }),
    );
    expect(updated.metadata).toEqual({ channel: "web", a: { b: 1, c: 2 } });
    expect((await zep.memory.getSession("v1-s1")).metadata).toEqual({ channel: "web", a: { b: 1, c: 2 } });
    expect(Date.parse(updated.updated_at!)).toBeGreaterThan(0);

    await zep.memory.addSession(new Session({ session_id: "v1-s2", metadata: {} }));
    await zep.memory.addSession(new Session({ session_id: "v1-s3", metadata: {} }));
    const all = await zep.memory.listSessions();
    const ids = all.map((s) => s.session_id);
    expect(ids).toEqual(expect.arrayContaining(["v1-s1", "v1-s2", "v1-s3"]));
    const page = await zep.memory.listSessions(1);
    expect(page).toHaveLength(1);
    const raw = (await (
      await fetch(`${server.url}/api/v1/sessions?limit=1`, {
        headers: { Authorization: `Bearer ${server.apiKey}` },
      })
    ).json()) as { id: number }[];
    const next = await zep.memory.listSessions(1, raw[0]!.id);
    expect(next[0]!.session_id).not.toBe(page[0]!.session_id);
    const chunked = new Set<string>();
    for await (const chunk of zep.memory.listSessionsChunked(2))
      for (const s of chunk) chunked.add(s.session_id);
    expect([...chunked]).toEqual(expect.arrayContaining(["v1-s1", "v1-s2", "v1-s3"]));

    expect(await thrown(zep.memory.getSession("v1-missing"))).toBeInstanceOf(NotFoundError);
    expect(
      await thrown(zep.memory.updateSession(new Session({ session_id: "v1-missing", metadata: {} }))),
    ).toBeInstanceOf(NotFoundError);
  });

  it("adds and gets memory, with lastn, then deletes and revives a session", async () => {
    const added = await zep.memory.addMemory(
      "v1-mem",
      new Memory({
        messages: [
          new Message({ role: "human", content: "Hi, I'm Ada", metadata: { mood: "curious" } }),
          new Message({ role: "ai", content: "Hello Ada, how can I help?" }),
          new Message({ role: "human", content: "Tell me about engines" }),
        ],
      }),
    );
    expect(added).toBe("OK");
    const memory = await zep.memory.getMemory("v1-mem");
    expect(memory).toBeInstanceOf(Memory);
    expect(memory!.messages.map((m) => m.content)).toEqual([
      "Hi, I'm Ada",
      "Hello Ada, how can I help?",
      "Tell me about engines",
    ]);
    expect(memory!.messages[0]).toBeInstanceOf(Message);
    expect(memory!.messages[0]!.role).toBe("human");
    expect(callerMetadata(memory!.messages[0]!.metadata)).toEqual({ mood: "curious" });
    expect(memory!.messages[0]!.token_count).toBeGreaterThan(0);
    expect(memory!.messages[0]!.uuid).toMatch(/^[0-9a-f-]{36}$/);

    const lastTwo = await zep.memory.getMemory("v1-mem", 2);
    expect(lastTwo!.messages.map((m) => m.content)).toEqual([
      "Hello Ada, how can I help?",
      "Tell me about engines",
    ]);

    // A client that retries with the same uuids never duplicates a turn.
    await zep.memory.addMemory("v1-mem", new Memory({ messages: memory!.messages }));
    expect((await zep.memory.getMemory("v1-mem"))!.messages).toHaveLength(3);

    expect(await zep.memory.deleteMemory("v1-mem")).toBe("OK");
    expect(await thrown(zep.memory.getMemory("v1-mem"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.memory.getSession("v1-mem"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.memory.deleteMemory("v1-mem"))).toBeInstanceOf(NotFoundError);

    await zep.memory.addMemory(
      "v1-mem",
      new Memory({ messages: [new Message({ role: "human", content: "Back again" })] }),
    );
    const revived = await zep.memory.getMemory("v1-mem");
    expect(revived!.messages.map((m) => m.content)).toEqual(["Back again"]);
    expect(await thrown(zep.memory.getMemory("v1-never"))).toBeInstanceOf(NotFoundError);
  });

  it("round-trips unicode, 100 KiB content and ids that need URL encoding", async () => {
    const unicode = "Grüße 👋🏽 — 東京 · مرحبا · e\u0301 · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
    const big = "All work and no play makes Jack a dull boy. ".repeat(2400).slice(0, 100 * 1024);
    expect(big.length).toBe(102_400);
    const sessionId = "v1 weird/?#%id ✓".replace("/", "-");
    await zep.memory.addMemory(
      sessionId,
      new Memory({
        messages: [
          new Message({ role: "Zoë", content: unicode, metadata: { ключ: "值" } }),
          new Message({ role: "human", content: big }),
        ],
      }),
    );
    const session = await zep.memory.getSession(sessionId);
    expect(session.session_id).toBe(sessionId);
    const memory = await zep.memory.getMemory(sessionId);
    expect(memory!.messages[0]!.content).toBe(unicode);
    expect(memory!.messages[0]!.role).toBe("Zoë");
    expect(callerMetadata(memory!.messages[0]!.metadata)).toEqual({ ключ: "值" });
    expect(memory!.messages[1]!.content).toBe(big);
    const found = await zep.memory.searchMemory(
      sessionId,
      new MemorySearchPayload({ text: "東京", metadata: {} }),
    );
    expect(found.map((r) => r.message?.content)).toContain(unicode);
  });

  it("pages messages, gets one, and patches its metadata without touching its token count", async () => {
    await zep.memory.addMemory(
      "v1-msgs",
      new Memory({
        messages: Array.from(
          { length: 5 },
          (_, i) => new Message({ role: "human", content: `message number ${i + 1}` }),
        ),
      }),
    );
    const all = await zep.message.getSessionMessages("v1-msgs");
    expect(all.map((m) => m.content)).toEqual([1, 2, 3, 4, 5].map((i) => `message number ${i}`));
    const page2 = await zep.message.getSessionMessages("v1-msgs", 2, 2);
    expect(page2.map((m) => m.content)).toEqual(["message number 3", "message number 4"]);
    const page3 = await zep.message.getSessionMessages("v1-msgs", 2, 3);
    expect(page3.map((m) => m.content)).toEqual(["message number 5"]);
    const limitOnly = await zep.message.getSessionMessages("v1-msgs", 2);
    expect(limitOnly.map((m) => m.content)).toEqual(["message number 1", "message number 2"]);

    const target = all[1]!;
    const one = await zep.message.getSessionMessage("v1-msgs", target.uuid!);
    expect(one.content).toBe("message number 2");

    // The client sends this PATCH as text/plain; the body is JSON all the same.
    const patched = await zep.message.updateSessionMessageMetadata("v1-msgs", target.uuid!, {
      flagged: true,
      note: { by: "support" },
    });
    expect(callerMetadata(patched.metadata)).toEqual({ flagged: true, note: { by: "support" } });
    const again = await zep.message.updateSessionMessageMetadata("v1-msgs", target.uuid!, {
      note: { at: "today" },
    });
    expect(callerMetadata(again.metadata)).toEqual({ flagged: true, note: { by: "support", at: "today" } });
    expect(again.token_count).toBe(one.token_count);
    expect(again.content).toBe("message number 2");

    expect(
      await thrown(zep.message.getSessionMessage("v1-msgs", "00000000-0000-4000-8000-000000000000")),
    ).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.message.getSessionMessage("v1-msgs", "not-a-uuid"))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await thrown(zep.message.getSessionMessages("v1-nowhere"))).toBeInstanceOf(NotFoundError);
    expect(
      await thrown(
        zep.message.updateSessionMessageMetadata("v1-msgs", "00000000-0000-4000-8000-000000000000", {}),
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  it("searches messages and summaries, with limits and metadata filters", async () => {
    await zep.memory.addMemory(
      "v1-search",
      new Memory({
        messages: [
          new Message({
            role: "human",
            content: "I love hiking in the Alps",
            metadata: { topic: "outdoors" },
          }),
          new Message({
            role: "ai",
            content: "The Alps have wonderful hiking trails",
            metadata: { topic: "outdoors" },
          }),
          new Message({ role: "human", content: "What about cooking pasta?", metadata: { topic: "food" } }),
        ],
      }),
    );
    const results = await zep.memory.searchMemory(
      "v1-search",
      new MemorySearchPayload({ text: "hiking", metadata: {} }),
    );
    expect(results).toHaveLength(2);
    expect(results[0]!.message!.content).toMatch(/hiking/);
    expect(results[0]!.dist).toBeGreaterThan(0.5);
    const limited = await zep.memory.searchMemory(
      "v1-search",
      new MemorySearchPayload({ text: "hiking", metadata: {} }),
      1,
    );
    expect(limited).toHaveLength(1);

    const food = await zep.memory.searchMemory(
      "v1-search",
      new MemorySearchPayload({ metadata: { where: { jsonpath: "$.topic ? (@ == 'food')" } } }),
    );
    expect(food.map((r) => r.message!.content)).toEqual(["What about cooking pasta?"]);

    const engram = createEngramClient({ url: server.url, apiKey: server.apiKey });
    const memory = await zep.memory.getMemory("v1-search");
    await engram.memory.addSummary.mutate({
      sessionId: "v1-search",
      content: "The user enjoys hiking in the Alps and asked about pasta.",
      recent_message_uuid: memory!.messages[2]!.uuid!,
    });
    const summaries = await zep.memory.searchMemory(
      "v1-search",
      new MemorySearchPayload({ text: "alps", metadata: {}, search_scope: "summary" }),
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.summary!.content).toMatch(/hiking in the Alps/);
    expect(summaries[0]!.message).toBeUndefined();

    const empty = await thrown(
      zep.memory.searchMemory("v1-search", new MemorySearchPayload({ text: "", metadata: {} })),
    );
    expect(empty).toBeInstanceOf(APIError);
    expect((empty as APIError).code).toBe(400);
    expect(
      await thrown(zep.memory.searchMemory("v1-nowhere", new MemorySearchPayload({ text: "x" }))),
    ).toBeInstanceOf(NotFoundError);
  });

  it("keeps the deprecated top-level methods working", async () => {
    quiet();
    const session = await zep.addSession(new Session({ session_id: "v1-legacy", metadata: { old: true } }));
    expect(session.session_id).toBe("v1-legacy");
    expect((await zep.getSession("v1-legacy")).metadata).toEqual({ old: true });
    await zep.addMemory(
      "v1-legacy",
      new Memory({ messages: [new Message({ role: "human", content: "legacy hello" })] }),
    );
    expect((await zep.getMemory("v1-legacy"))!.messages.map((m) => m.content)).toEqual(["legacy hello"]);
    const found = await zep.searchMemory(
      "v1-legacy",
      new MemorySearchPayload({ text: "hello", metadata: {} }),
      5,
    );
    expect(found).toHaveLength(1);
    expect(await zep.deleteMemory("v1-legacy")).toBe("OK");
    expect(await thrown(zep.getSession("v1-legacy"))).toBeInstanceOf(NotFoundError);
  });
});
