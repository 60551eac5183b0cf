import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  APIError,
  AuthenticationError,
  Memory,
  MemorySearchPayload,
  Message,
  NotFoundError,
  Session,
  ZepClient,
} from "zep-js-v2";
import { createEngramClient } from "@/server/trpc/client";
import { serverForTests } from "../support/server";

// Zep's own v2 client (@getzep/zep-js 2.0.0-rc.4, installed as zep-js-v2), unmodified.
const server = serverForTests("zep_v2");
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

beforeAll(async () => {
  zep = await ZepClient.init(server.apiKey, server.url);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const turn = (
  role: string,
  role_type: Message["role_type"],
  content: string,
  metadata?: Record<string, unknown>,
) => new Message({ role, role_type, content, metadata });

describe("Zep v2 client", () => {
  it("initializes against /healthz without a version warning; wrong or no key is AuthenticationError", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = await ZepClient.init(server.apiKey, server.url);
    expect(client).toBeInstanceOf(ZepClient);
    expect(warn).not.toHaveBeenCalled();

    const wrong = await ZepClient.init("wrong-key-wrong-key-wrong", server.url);
    expect(await thrown(wrong.memory.getSession("x"))).toBeInstanceOf(AuthenticationError);
    expect(await thrown(wrong.user.get("x"))).toBeInstanceOf(AuthenticationError);
    expect(await thrown(wrong.message.getSessionMessages("x"))).toBeInstanceOf(AuthenticationError);
    const anonymous = await ZepClient.init(undefined, server.url);
    expect(await thrown(anonymous.memory.listSessions())).toBeInstanceOf(AuthenticationError);
  });

  it("manages users under /users", async () => {
    const added = await zep.user.add({
      user_id: "v2-grace",
      first_name: "Grace",
      metadata: { team: { name: "navy" } },
    });
    expect(added.user_id).toBe("v2-grace");
    expect(((await thrown(zep.user.add({ user_id: "v2-grace" }))) as APIError).code).toBe(400);
    expect((await zep.user.get("v2-grace")).first_name).toBe("Grace");
    const updated = await zep.user.update({
      user_id: "v2-grace",
      last_name: "Hopper",
      metadata: { team: { size: 3 } },
    });
    expect(updated.last_name).toBe("Hopper");
    expect(updated.metadata).toEqual({ team: { name: "navy", size: 3 } });
    await zep.user.add({ user_id: "v2-linus" });
    const listed = await zep.user.list(10);
    expect(listed.map((u) => u.user_id)).toEqual(["v2-grace", "v2-linus"]);
    expect(await zep.user.list(10, listed[1]!.id)).toEqual([]);
    const chunked = new Set<string>();
    for await (const chunk of zep.user.listChunked(1)) for (const u of chunk) chunked.add(u.user_id!);
    expect(chunked).toEqual(new Set(["v2-grace", "v2-linus"]));

    await zep.memory.addSession(new Session({ session_id: "v2-grace-1", user_id: "v2-grace", metadata: {} }));
    await zep.memory.addSession(new Session({ session_id: "v2-grace-2", user_id: "v2-grace", metadata: {} }));
    expect((await zep.user.getSessions("v2-grace")).map((s) => s.session_id)).toEqual([
      "v2-grace-1",
      "v2-grace-2",
    ]);
    expect(await zep.user.delete("v2-grace")).toBe("OK");
    expect(await thrown(zep.user.get("v2-grace"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.memory.getSession("v2-grace-2"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.user.getSessions("v2-grace"))).toBeInstanceOf(NotFoundError);
    // A deleted user's id may be used again, starting afresh.
    expect((await zep.user.add({ user_id: "v2-grace" })).metadata).toEqual({});
  });

  it("manages sessions", async () => {
    const session = await zep.memory.addSession(new Session({ session_id: "v2-s", metadata: { a: 1 } }));
    expect(session.metadata).toEqual({ a: 1 });
    expect(
      (await thrown(zep.memory.addSession(new Session({ session_id: "v2-s", metadata: {} })))) as APIError,
    ).toHaveProperty("code", 400);
    const updated = await zep.memory.updateSession(new Session({ session_id: "v2-s", metadata: { b: 2 } }));
    expect(updated.metadata).toEqual({ a: 1, b: 2 });
    expect((await zep.memory.getSession("v2-s")).metadata).toEqual({ a: 1, b: 2 });
    expect((await zep.memory.listSessions(100)).map((s) => s.session_id)).toContain("v2-s");
    const seen = new Set<string>();
    for await (const chunk of zep.memory.listSessionsChunked(1))
      for (const s of chunk) seen.add(s.session_id);
    expect(seen).toContain("v2-s");
    expect(await thrown(zep.memory.getSession("v2-none"))).toBeInstanceOf(NotFoundError);
  });

  it("stores role_type and serves each memoryType", async () => {
    await zep.memory.addMemory(
      "v2-mem",
      new Memory({
        messages: [
          turn("Jane", "user", "My name is Jane and I like tea"),
          turn("Bot", "assistant", "Nice to meet you, Jane"),
          turn("system", "system", "Be concise"),
          turn("lookup", "tool", '{"weather":"sunny"}'),
          turn("fn", "function", "called"),
        ],
      }),
    );
    const memory = await zep.memory.getMemory("v2-mem");
    expect(memory!.messages.map((m) => m.role_type)).toEqual([
      "user",
      "assistant",
      "system",
      "tool",
      "function",
    ]);
    expect(memory!.messages.map((m) => m.role)).toEqual(["Jane", "Bot", "system", "lookup", "fn"]);

    const perpetual = await zep.memory.getMemory("v2-mem", "perpetual");
    expect(perpetual!.messages).toHaveLength(5);
    const windowed = await zep.memory.getMemory("v2-mem", "message_window", 2);
    expect(windowed!.messages.map((m) => m.content)).toEqual(
      ["Be concise", '{"weather":"sunny"}', "called"].slice(1),
    );
    const retriever = await zep.memory.getMemory("v2-mem", "summary_retriever", 1);
    expect(retriever!.messages.map((m) => m.content)).toEqual(["called"]);

    // A summary covering the first two messages: perpetual returns it with everything after it.
    const engram = createEngramClient({ url: server.url, apiKey: server.apiKey });
    await engram.memory.addSummary.mutate({
      sessionId: "v2-mem",
      content: "Jane introduced herself; she likes tea.",
      recent_message_uuid: memory!.messages[1]!.uuid!,
    });
    const withSummary = await zep.memory.getMemory("v2-mem", "perpetual");
    expect(withSummary!.summary!.content).toBe("Jane introduced herself; she likes tea.");
    expect(withSummary!.messages.map((m) => m.role_type)).toEqual(["system", "tool", "function"]);

    const bad = await thrown(zep.memory.getMemory("v2-mem", "everything" as never));
    expect((bad as APIError).code).toBe(400);
    expect(await thrown(zep.memory.getMemory("v2-unknown", "perpetual"))).toBeInstanceOf(NotFoundError);
  });

  it("deletes and revives memory, and round-trips unicode and 100 KiB content", async () => {
    const big = "ünïcödé ✓ ".repeat(10_240).slice(0, 102_400);
    await zep.memory.addMemory("v2-revive", new Memory({ messages: [turn("a", "user", "first life")] }));
    expect(await zep.memory.deleteMemory("v2-revive")).toBe("OK");
    expect(await thrown(zep.memory.getMemory("v2-revive"))).toBeInstanceOf(NotFoundError);
    await zep.memory.addMemory(
      "v2-revive",
      new Memory({ messages: [turn("a", "user", big), turn("b", "assistant", "第二の人生 🌱")] }),
    );
    const memory = await zep.memory.getMemory("v2-revive");
    expect(memory!.messages.map((m) => m.content)).toEqual([big, "第二の人生 🌱"]);
    expect(memory!.messages[0]!.content.length).toBe(102_400);
  });

  it("pages, gets and patches messages", async () => {
    await zep.memory.addMemory(
      "v2-msgs",
      new Memory({ messages: Array.from({ length: 7 }, (_, i) => turn("u", "user", `line ${i + 1}`)) }),
    );
    const page = await zep.message.getSessionMessages("v2-msgs", 3, 3);
    expect(page.map((m) => m.content)).toEqual(["line 7"]);
    expect((await zep.message.getSessionMessages("v2-msgs", 3, 2)).map((m) => m.content)).toEqual([
      "line 4",
      "line 5",
      "line 6",
    ]);
    const all = await zep.message.getSessionMessages("v2-msgs");
    expect(all).toHaveLength(7);
    expect(all[0]!.role_type).toBe("user");
    const message = await zep.message.getSessionMessage("v2-msgs", all[3]!.uuid!);
    expect(message.content).toBe("line 4");
    const patched = await zep.message.updateSessionMessageMetadata("v2-msgs", all[3]!.uuid!, {
      label: "important",
    });
    expect(callerMetadata(patched.metadata)).toEqual({ label: "important" });
    expect(patched.token_count).toBe(message.token_count);
    expect(patched.role_type).toBe("user");
    expect(
      await thrown(zep.message.getSessionMessage("v2-msgs", "11111111-1111-4111-8111-111111111111")),
    ).toBeInstanceOf(NotFoundError);
  });

  it("searches with a stray & after limit, returning score", async () => {
    await zep.memory.addMemory(
      "v2-search",
      new Memory({
        messages: [
          turn("u", "user", "Please book a flight to Lisbon", { intent: "travel", priority: 2 }),
          turn("a", "assistant", "I found three flights to Lisbon tomorrow", {
            intent: "travel",
            priority: 1,
          }),
          turn("u", "user", "Great, also a hotel near the beach", { intent: "lodging", priority: 2 }),
        ],
      }),
    );
    const results = await zep.memory.searchMemory(
      "v2-search",
      new MemorySearchPayload({ text: "flights lisbon" }),
      5,
    );
    expect(results.map((r) => r.message!.content)).toEqual([
      "I found three flights to Lisbon tomorrow",
      "Please book a flight to Lisbon",
    ]);
    expect(results[0]!.score).toBeGreaterThan(0.5);
    expect(results[0]!.message!.role_type).toBe("assistant");

    const misspelled = await zep.memory.searchMemory(
      "v2-search",
      new MemorySearchPayload({ text: "hotle" }),
      5,
    );
    expect(misspelled.map((r) => r.message!.content)).toEqual(["Great, also a hotel near the beach"]);

    const filtered = await zep.memory.searchMemory(
      "v2-search",
      new MemorySearchPayload({
        text: "lisbon",
        metadata: {
          where: { and: [{ jsonpath: "$.intent ? (@ == 'travel')" }, { jsonpath: "$.priority ? (@ > 1)" }] },
        },
        search_type: "mmr",
        mmr_lambda: 0.4,
      }),
      5,
    );
    expect(filtered.map((r) => r.message!.content)).toEqual(["Please book a flight to Lisbon"]);

    const invalid = await thrown(
      zep.memory.searchMemory(
        "v2-search",
        new MemorySearchPayload({ metadata: { where: { jsonpath: "$$.((" } } }),
      ),
    );
    expect((invalid as APIError).code).toBe(400);
    expect(String((invalid as APIError).responseData)).toMatch(/invalid jsonpath/);
  });

  it("reports Zep Cloud-only features as not implemented", async () => {
    await zep.memory.addMemory("v2-cloud", new Memory({ messages: [turn("u", "user", "hello")] }));
    const synthesize = await thrown(zep.memory.synthesizeQuestion("v2-cloud"));
    expect(synthesize).toBeInstanceOf(APIError);
    expect((synthesize as APIError).code).toBe(501);
    const classify = await thrown(zep.memory.classifySession("v2-cloud", "mood", ["happy", "sad"]));
    expect((classify as APIError).code).toBe(501);
  });
});
