import { beforeAll, describe, expect, it } from "vitest";
import { rejected, restCaller } from "../support/rest";
import { serverForTests } from "../support/server";

// Raw HTTP against the production build: every bad input is a 4xx with a clear JSON message,
// never a 500, and nothing is written.
const server = serverForTests("rest_bad_input");

const { call, post, patch } = restCaller(server);

async function sessionIds(): Promise<string[]> {
  const reply = await call("GET", "/api/v2/sessions?limit=1000");
  return (reply.json as { session_id: string }[]).map((s) => s.session_id);
}

async function userIds(): Promise<string[]> {
  const reply = await call("GET", "/api/v2/users?limit=1000");
  return (reply.json as { user_id: string }[]).map((u) => u.user_id);
}

let messageUuid: string;

beforeAll(async () => {
  expect((await post("/api/v2/users", { user_id: "alice", metadata: { tier: "gold" } })).status).toBe(201);
  expect(
    (await post("/api/v2/sessions", { session_id: "chat", user_id: "alice", metadata: { a: 1 } })).status,
  ).toBe(201);
  const added = await post("/api/v2/sessions/chat/memory", {
    messages: [
      {
        role: "alice",
        role_type: "user",
        content: "Where is the nearest pharmacy?",
        metadata: { kind: "question" },
      },
      { role: "bot", role_type: "assistant", content: "Two blocks north, next to the bakery." },
    ],
  });
  expect(added.status).toBe(200);
  const messages = await call("GET", "/api/v2/sessions/chat/messages");
  messageUuid = (messages.json as { messages: { uuid: string }[] }).messages[0]!.uuid;
});

describe("bad request bodies", () => {
  it("malformed JSON, empty bodies, non-objects and invalid UTF-8 are 400 on every body route", async () => {
    const bodyRoutes: [string, string][] = [
      ["POST", "/api/v1/user"],
      ["PATCH", "/api/v1/user/alice"],
      ["POST", "/api/v2/sessions"],
      ["PATCH", "/api/v2/sessions/chat"],
      ["POST", "/api/v1/sessions/chat/memory"],
      ["PATCH", `/api/v1/sessions/chat/messages/${messageUuid}`],
      ["POST", "/api/v2/sessions/chat/search"],
    ];
    for (const [method, path] of bodyRoutes) {
      rejected(await call(method, path, '{"messages": [}'), /not valid JSON/);
      rejected(await call(method, path, ""), /empty/);
      rejected(await call(method, path, "[1, 2]"), /must be a JSON object/);
      rejected(await call(method, path, '"text"'), /must be a JSON object/);
      rejected(await call(method, path, new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])])), /UTF-8/);
      const deep = `{"metadata": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
      rejected(await call(method, path, deep), /nested/);
    }
    expect(await sessionIds()).toEqual(["chat"]);
    expect(await userIds()).toEqual(["alice"]);
  });

  it("a body over the limit is 413 and nothing is stored", async () => {
    const huge = JSON.stringify({ messages: [{ role: "a", content: "x".repeat(5 * 1024 * 1024 + 10) }] });
    rejected(
      await call("POST", "/api/v1/sessions/too-big/memory", huge),
      /larger than the 5242880-byte limit/,
      413,
    );
    // Without a Content-Length (streamed), the limit holds too.
    const chunks = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < chunks.length; offset += 1 << 20) {
          controller.enqueue(chunks.slice(offset, offset + (1 << 20)));
        }
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/v1/sessions/too-big/memory`, {
      method: "POST",
      headers: { Authorization: `Bearer ${server.apiKey}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await call("GET", "/api/v1/sessions/too-big")).status).toBe(404);
  });

  it("a tRPC body over the limit is 413 in tRPC's error shape, and nothing is stored", async () => {
    const input = {
      sessionId: "too-big",
      messages: [{ role: "a", content: "x".repeat(5 * 1024 * 1024 + 10) }],
    };
    const reply = await call("POST", "/api/trpc/memory.add", JSON.stringify(input));
    expect(reply.status, reply.text).toBe(413);
    expect(reply.json).toMatchObject({
      error: {
        message: expect.stringMatching(/larger than the 5242880-byte limit/),
        data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
      },
    });
    expect((await call("GET", "/api/v1/sessions/too-big")).status).toBe(404);
    const small = await call(
      "POST",
      "/api/trpc/memory.add",
      JSON.stringify({ ...input, messages: [{ role: "a", content: "ok" }] }),
    );
    expect(small.status, small.text).toBe(200);
    await call("DELETE", "/api/v1/sessions/too-big/memory");
  });

  it("the message PATCH body is JSON even when sent as text/plain", async () => {
    const reply = await call(
      "PATCH",
      `/api/v1/sessions/chat/messages/${messageUuid}`,
      JSON.stringify({ metadata: { reviewed: true } }),
      { "Content-Type": "text/plain;charset=UTF-8" },
    );
    expect(reply.status).toBe(200);
    expect((reply.json as { metadata: unknown }).metadata).toMatchObject({
      kind: "question",
      reviewed: true,
    });
  });
});

describe("users", () => {
  it("rejects wrong types, NUL characters, reserved keys and duplicates, writing nothing", async () => {
    rejected(await post("/api/v1/user", { user_id: 5 }), /user_id/);
    rejected(await post("/api/v1/user", {}), /user_id/);
    rejected(await post("/api/v1/user", { user_id: "" }), /user_id must not be empty/);
    rejected(await post("/api/v1/user", { user_id: "x".repeat(300) }), /at most 256/);
    rejected(await post("/api/v1/user", { user_id: "nul\u0000user" }), /NUL/);
    rejected(await post("/api/v1/user", { user_id: "bob", email: "a\u0000b" }), /NUL/);
    rejected(await post("/api/v1/user", { user_id: "bob", metadata: { "k\u0000": 1 } }), /NUL/);
    rejected(await post("/api/v1/user", { user_id: "bob", metadata: ["not", "an", "object"] }), /metadata/);
    rejected(await post("/api/v1/user", { user_id: "bob", metadata: { system: { x: 1 } } }), /reserved/);
    rejected(await post("/api/v1/user", { user_id: "bob", first_name: 42 }), /first_name/);
    rejected(await post("/api/v2/users", { user_id: "alice" }), /already exists/);
    expect(await userIds()).toEqual(["alice"]);
  });

  it("rejects bad updates and paging, and 404s unknown users", async () => {
    rejected(await patch("/api/v1/user/alice", { metadata: "gold" }), /metadata/);
    rejected(await patch("/api/v1/user/alice", { metadata: { note: "a\u0000" } }), /NUL/);
    rejected(await patch("/api/v1/user/alice", { email: ["x"] }), /email/);
    const alice = await call("GET", "/api/v1/user/alice");
    expect((alice.json as { metadata: unknown }).metadata).toEqual({ tier: "gold" });

    for (const query of [
      "limit=-1",
      "limit=abc",
      "limit=0",
      "limit=1.5",
      "limit=100000",
      "cursor=-1",
      "cursor=abc",
    ]) {
      rejected(await call("GET", `/api/v1/user?${query}`), /limit|cursor/);
    }
    rejected(await call("GET", "/api/v1/user/nobody"), /not found/, 404);
    rejected(await patch("/api/v1/user/nobody", { email: "x@example.com" }), /not found/, 404);
    rejected(await call("DELETE", "/api/v1/user/nobody"), /not found/, 404);
    rejected(await call("GET", "/api/v1/user/nobody/sessions"), /not found/, 404);
    rejected(await call("GET", "/api/v1/user/bad%00id"), /NUL/);
    expect(await userIds()).toEqual(["alice"]);
  });
});

describe("sessions", () => {
  it("rejects bad creates and updates, writing nothing", async () => {
    rejected(await post("/api/v1/sessions", {}), /session_id/);
    rejected(await post("/api/v1/sessions", { session_id: 12 }), /session_id/);
    rejected(await post("/api/v1/sessions", { session_id: " padded " }), /whitespace/);
    rejected(await post("/api/v1/sessions", { session_id: "s\u0000" }), /NUL/);
    rejected(
      await post("/api/v1/sessions", { session_id: "new", user_id: "ghost" }),
      /ghost.*does not exist/,
    );
    rejected(await post("/api/v1/sessions", { session_id: "new", metadata: 7 }), /metadata/);
    rejected(await post("/api/v1/sessions", { session_id: "new", memory_type: "forever" }), /memory type/);
    rejected(await post("/api/v1/sessions", { session_id: "chat" }), /already exists/);
    rejected(await patch("/api/v1/sessions/chat", { metadata: [1] }), /metadata/);
    rejected(await patch("/api/v1/sessions/chat", { metadata: { system: 1 } }), /reserved/);
    rejected(await patch("/api/v1/sessions/nothing", { metadata: {} }), /not found/, 404);
    rejected(await call("GET", "/api/v1/sessions/nothing"), /not found/, 404);
    rejected(await call("DELETE", "/api/v1/sessions/nothing"), /not found/, 404);
    for (const query of ["limit=-5", "limit=x", "cursor=-1", "cursor=1e999"]) {
      rejected(await call("GET", `/api/v1/sessions?${query}`), /limit|cursor/);
    }
    expect(await sessionIds()).toEqual(["chat"]);
    const chat = await call("GET", "/api/v1/sessions/chat");
    expect((chat.json as { metadata: unknown }).metadata).toEqual({ a: 1 });
  });
});

describe("memory", () => {
  it("rejects bad batches atomically: no session, no message written", async () => {
    const good = { role: "a", content: "fine" };
    const cases: [unknown, RegExp][] = [
      [{}, /messages/],
      [{ messages: "hello" }, /messages must be an array/],
      [{ messages: [] }, /at least one message/],
      [{ messages: [good, { content: "no role" }] }, /messages\.1\.role/],
      [{ messages: [good, { role: "a", content: 42 }] }, /content must be a string/],
      [{ messages: [good, { role: "a", content: "a\u0000b" }] }, /NUL/],
      [{ messages: [good, { role: "a", content: "x", metadata: { deep: { v: "\u0000" } } }] }, /NUL/],
      [{ messages: [good, { role: "a", role_type: "robot", content: "x" }] }, /role_type must be one of/],
      [{ messages: [good, { role: "a", content: "x", uuid: "not-a-uuid" }] }, /UUID/],
      [{ messages: [good, { role: "a\u0000", content: "x" }] }, /NUL/],
      [{ messages: [good, { role: "a", content: "x", metadata: { system: {} } }] }, /reserved/],
    ];
    for (const [body, message] of cases) {
      rejected(await post("/api/v2/sessions/fresh/memory", body), message);
      rejected(await post("/api/v2/sessions/chat/memory", body), message);
    }
    const uuid = "3f1c8a52-9d7e-4b61-8a0e-2c4d5e6f7a8b";
    rejected(
      await post("/api/v2/sessions/chat/memory", {
        messages: [
          { uuid, role: "a", content: "x" },
          { uuid, role: "a", content: "y" },
        ],
      }),
      /appears twice/,
    );
    expect(await sessionIds()).toEqual(["chat"]);
    const memory = await call("GET", "/api/v2/sessions/chat/memory");
    expect((memory.json as { messages: unknown[] }).messages).toHaveLength(2);
  });

  it("rejects bad lastn and memoryType, and 404s unknown or deleted sessions", async () => {
    for (const query of ["lastn=-1", "lastn=abc", "lastn=1.5", "lastn=1e10"]) {
      rejected(await call("GET", `/api/v1/sessions/chat/memory?${query}`), /lastn/);
    }
    rejected(await call("GET", "/api/v2/sessions/chat/memory?memoryType=forever"), /memory type/);
    rejected(await call("GET", "/api/v2/sessions/chat/memory?max_tokens=0"), /max_tokens/);
    rejected(await call("GET", "/api/v2/sessions/chat/memory?include_context=maybe"), /include_context/);
    rejected(await call("GET", "/api/v1/sessions/unknown/memory"), /not found/, 404);
    rejected(await call("DELETE", "/api/v1/sessions/unknown/memory"), /not found/, 404);
    expect(
      (await post("/api/v1/sessions/doomed/memory", { messages: [{ role: "a", content: "bye" }] })).status,
    ).toBe(200);
    expect((await call("DELETE", "/api/v1/sessions/doomed/memory")).status).toBe(200);
    rejected(await call("GET", "/api/v1/sessions/doomed/memory"), /not found/, 404);
    rejected(await call("GET", "/api/v1/sessions/doomed/messages"), /not found/, 404);
    rejected(await call("DELETE", "/api/v1/sessions/doomed/memory"), /not found/, 404);
  });
});

describe("memory context", () => {
  it("adds the prompt-ready context only when include_context=true", async () => {
    const plain = (await call("GET", "/api/v2/sessions/chat/memory")).json as { context?: string };
    expect(plain.context).toBeUndefined();
    const reply = await call("GET", "/api/v2/sessions/chat/memory?include_context=true");
    expect(reply.status, reply.text).toBe(200);
    const { context } = reply.json as { context: string };
    expect(context).toContain("Where is the nearest pharmacy?");
    expect(context).toContain("Two blocks north, next to the bakery.");
  });
});

describe("messages", () => {
  it("rejects bad paging; a limit without a cursor is page 1", async () => {
    for (const query of [
      "cursor=0",
      "cursor=-1",
      "cursor=abc",
      "cursor=1.5",
      "limit=-1",
      "limit=abc",
      "limit=0",
    ]) {
      rejected(await call("GET", `/api/v1/sessions/chat/messages?${query}`), /cursor|limit/);
    }
    const limitOnly = await call("GET", "/api/v1/sessions/chat/messages?limit=1");
    expect(limitOnly.status).toBe(200);
    expect(limitOnly.json).toMatchObject({ total_count: 2, row_count: 1 });
    const beyond = await call("GET", "/api/v1/sessions/chat/messages?limit=1&cursor=9");
    expect(beyond.json).toMatchObject({ messages: [], total_count: 2, row_count: 0 });
  });

  it("404s unknown message uuids and rejects bad patches without touching the message", async () => {
    const before = (await call("GET", `/api/v1/sessions/chat/messages/${messageUuid}`)).json as Record<
      string,
      unknown
    >;
    rejected(
      await call("GET", "/api/v1/sessions/chat/messages/00000000-0000-4000-8000-000000000000"),
      /not found/,
      404,
    );
    rejected(await call("GET", "/api/v1/sessions/chat/messages/not-a-uuid"), /not found/, 404);
    rejected(await call("GET", `/api/v1/sessions/nothing/messages/${messageUuid}`), /not found/, 404);
    rejected(await patch(`/api/v1/sessions/chat/messages/not-a-uuid`, { metadata: {} }), /not found/, 404);
    rejected(await patch(`/api/v1/sessions/chat/messages/${messageUuid}`, {}), /metadata/);
    rejected(await patch(`/api/v1/sessions/chat/messages/${messageUuid}`, { metadata: null }), /metadata/);
    rejected(
      await patch(`/api/v1/sessions/chat/messages/${messageUuid}`, { metadata: { x: "\u0000" } }),
      /NUL/,
    );
    rejected(
      await patch(`/api/v1/sessions/chat/messages/${messageUuid}`, { metadata: { system: {} } }),
      /reserved/,
    );
    const after = (await call("GET", `/api/v1/sessions/chat/messages/${messageUuid}`)).json as Record<
      string,
      unknown
    >;
    // Background enrichment may add metadata.system meanwhile; what a caller wrote must not change.
    const written = ({ metadata, updated_at: _updatedAt, ...rest }: Record<string, unknown>) => {
      const { system: _system, ...own } = metadata as Record<string, unknown>;
      return { ...rest, metadata: own };
    };
    expect(written(after)).toEqual(written(before));
  });
});

describe("search", () => {
  it("rejects empty searches, bad filters and bad limits; injection attempts stay data", async () => {
    rejected(await post("/api/v2/sessions/chat/search", {}), /needs text or a metadata filter/);
    rejected(await post("/api/v2/sessions/chat/search", { text: "" }), /needs text or a metadata filter/);
    rejected(await post("/api/v2/sessions/chat/search", { text: "   ", metadata: {} }), /needs text/);
    rejected(await post("/api/v2/sessions/chat/search", { text: 5 }), /text must be a string/);
    rejected(await post("/api/v2/sessions/chat/search", { text: "a\u0000" }), /NUL/);
    rejected(
      await post("/api/v2/sessions/chat/search", { text: "x", search_scope: "everything" }),
      /search_scope/,
    );
    rejected(await post("/api/v2/sessions/chat/search", { text: "x", search_type: "magic" }), /search_type/);
    rejected(await post("/api/v2/sessions/chat/search", { text: "x", mmr_lambda: 3 }), /mmr_lambda/);
    rejected(
      await post("/api/v2/sessions/chat/search", { metadata: { where: { jsonpath: "$.((" } } }),
      /invalid jsonpath/,
    );
    rejected(
      await post("/api/v2/sessions/chat/search", { metadata: { where: { jsonpath: 12 } } }),
      /jsonpath/,
    );
    rejected(await post("/api/v2/sessions/chat/search", { metadata: { where: {} } }), /needs jsonpath/);
    rejected(await post("/api/v2/sessions/chat/search", { metadata: { kind: "question" } }), /only where/);
    rejected(
      await post("/api/v2/sessions/chat/search", { text: "x", metadata: { start_date: "soon" } }),
      /ISO 8601/,
    );
    for (const query of ["limit=-1", "limit=abc", "limit=0&"]) {
      rejected(await post(`/api/v2/sessions/chat/search?${query}`, { text: "pharmacy" }), /limit/);
    }
    rejected(await post("/api/v2/sessions/unknown/search", { text: "pharmacy" }), /not found/, 404);

    const injection = '$.kind ? (@ == "x")\') or true; drop table messages; --';
    rejected(
      await post("/api/v2/sessions/chat/search", { metadata: { where: { jsonpath: injection } } }),
      /invalid jsonpath/,
    );
    const textInjection = await post("/api/v2/sessions/chat/search", { text: "'; drop table messages; --" });
    expect(textInjection.status).toBe(200);
    expect(textInjection.json).toEqual([]);
    const quoted = await post("/api/v2/sessions/chat/search", {
      metadata: { where: { jsonpath: "$.kind ? (@ == \"question' or '1'='1\")" } },
    });
    expect(quoted.json).toEqual([]);

    const found = await post("/api/v2/sessions/chat/search?limit=5&", {
      text: "pharmacy",
      metadata: { where: { jsonpath: "$.kind ? (@ == 'question')" } },
    });
    expect(found.status).toBe(200);
    expect((found.json as { message: { content: string } }[]).map((r) => r.message.content)).toEqual([
      "Where is the nearest pharmacy?",
    ]);
  });
});

describe("routing", () => {
  it("answers unknown routes with 404, wrong methods with 405, cloud-only features with 501", async () => {
    rejected(await call("GET", "/api/v1/nothing-here"), /no such route/, 404);
    rejected(await call("PUT", "/api/v1/sessions/chat"), /not allowed/, 405);
    rejected(await call("POST", "/api/v1/sessions/chat/messages"), /not allowed/, 405);
    rejected(await call("GET", "/api/v2/sessions/chat/synthesize_question"), /does not offer/, 501);
    rejected(await call("GET", "/api/v1/sessions/100%-real/memory"), /not found/, 404);
  });

  it("serves the OpenAPI document", async () => {
    const reply = await call("GET", "/api/openapi.json");
    expect(reply.status).toBe(200);
    const document = reply.json as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/user", "/api/v2/users", "/api/v2/sessions/{sessionId}/search"]),
    );
    expect(document.paths["/api/v1/sessions/{sessionId}/memory"]).toHaveProperty("post");
  });
});
