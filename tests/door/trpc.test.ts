import { describe, expect, it } from "vitest";
import { serverForTests } from "../support/server";

/*
 * The door answers tRPC's common calls (queries over GET, mutations over POST, single or batched,
 * JSON input) itself and hands every other request to tRPC's `resolveResponse`. A `trpc-accept`
 * header sends any request down tRPC's own path, so each call is made both ways here and the two
 * answers must be the same: status, content type, body.
 */

const server = serverForTests("door_trpc");

interface Call {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

async function send(call: Call, extra: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/trpc/${call.path}`, {
    method: call.method,
    headers: { ...call.headers, ...extra },
    body: call.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    vary: response.headers.get("vary"),
    retryAfter: response.headers.get("retry-after"),
    body: await response.text(),
  };
}

/** The door's answer, checked against tRPC's own answer to the same call. */
async function sameAsTrpc(call: Call) {
  const door = await send(call);
  const trpc = await send(call, { "trpc-accept": "application/json" });
  expect(door).toEqual(trpc);
  return { ...door, json: JSON.parse(door.body) as unknown };
}

const auth = () => ({ Authorization: `Bearer ${server.apiKey}` });
const query = (path: string, input: unknown, headers: Record<string, string> = auth()): Call => ({
  method: "GET",
  path: `${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  headers,
});
const batchQuery = (paths: string[], inputs: unknown[]): Call => ({
  method: "GET",
  path: `${paths.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify({ ...inputs }))}`,
  headers: auth(),
});
const mutation = (path: string, input: unknown, headers: Record<string, string> = auth()): Call => ({
  method: "POST",
  path,
  body: JSON.stringify(input),
  headers: { ...headers, "content-type": "application/json" },
});

describe("tRPC through the door", () => {
  it("answers queries, batches and errors exactly as tRPC does", async () => {
    const turn = [
      { uuid: crypto.randomUUID(), role: "user", role_type: "user", content: "Ana flew to Porto." },
    ];
    const added = await send(mutation("memory.add", { sessionId: "door-trpc", messages: turn }));
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body)).toEqual({
      result: { data: { session_id: "door-trpc", added: 1, message_uuids: [turn[0]!.uuid] } },
    });

    const memory = await sameAsTrpc(query("memory.get", { sessionId: "door-trpc" }));
    expect(memory.status).toBe(200);
    expect(memory.contentType).toBe("application/json");
    expect(memory.json).toMatchObject({
      result: { data: { messages: [{ uuid: turn[0]!.uuid, content: "Ana flew to Porto." }] } },
    });

    const missing = await sameAsTrpc(query("memory.get", { sessionId: "no-such-session" }));
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { data: { code: "NOT_FOUND", path: "memory.get" } } });

    const invalid = await sameAsTrpc(query("memory.get", { sessionId: "door-trpc", lastn: -1 }));
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { data: { code: "BAD_REQUEST" } } });

    const noInput = await sameAsTrpc({ method: "GET", path: "memory.get", headers: auth() });
    expect(noInput.status).toBe(400);

    const unauthenticated = await sameAsTrpc(query("memory.get", { sessionId: "door-trpc" }, {}));
    expect(unauthenticated.status).toBe(401);

    const both = await sameAsTrpc(
      batchQuery(["memory.get", "sessions.get"], [{ sessionId: "door-trpc" }, { sessionId: "door-trpc" }]),
    );
    expect(both.status).toBe(200);
    expect(both.json).toEqual([
      { result: { data: expect.objectContaining({ memory_type: "message_window" }) } },
      { result: { data: expect.objectContaining({ session_id: "door-trpc" }) } },
    ]);

    const mixed = await sameAsTrpc(
      batchQuery(
        ["memory.get", "memory.get"],
        [{ sessionId: "door-trpc" }, { sessionId: "no-such-session" }],
      ),
    );
    expect(mixed.status).toBe(207);
    expect(mixed.json).toEqual([
      { result: { data: expect.any(Object) } },
      { error: expect.objectContaining({ data: expect.objectContaining({ code: "NOT_FOUND" }) }) },
    ]);

    const rejectedMutation = await sameAsTrpc(
      mutation("memory.add", { sessionId: "door-trpc", messages: [] }),
    );
    expect(rejectedMutation.status).toBe(400);
  });

  it("leaves what it does not answer itself to tRPC", async () => {
    const unknown = await send(query("memory.nothing", {}));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { data: { code: "NOT_FOUND" } } });

    const wrongMethod = await send(mutation("memory.get", { sessionId: "door-trpc" }));
    expect(wrongMethod.status).toBe(405);

    const malformed = await send({ method: "GET", path: "memory.get?input=%7Bnot-json", headers: auth() });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { data: { code: "BAD_REQUEST" } } });

    const emptyBody = await send({
      method: "POST",
      path: "memory.add",
      headers: { ...auth(), "content-type": "application/json" },
    });
    expect(emptyBody.status).toBe(400);

    const head = await fetch(`${server.url}/api/trpc/memory.get`, { method: "HEAD", headers: auth() });
    expect(head.status).toBe(204);
  });
});
