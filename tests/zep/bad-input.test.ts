import { beforeAll, describe, expect, it } from "vitest";
import { rejected, restCaller } from "../support/rest";
import { serverForTests } from "../support/server";

// Raw HTTP on every route the Zep CE surface and document collections added: each bad input is a
// 4xx with a clear JSON message, never a 500, and nothing is written. This server has no
// embeddings provider.
const server = serverForTests("zep_bad_input");

const { call, post, patch } = restCaller(server);

const collection = "/api/v2/collections/kept";
let documentUuid: string;

beforeAll(async () => {
  expect((await post("/api/v2/users", { user_id: "ce-user" })).status).toBe(201);
  expect(
    (await post("/api/v2/sessions/ce-session/memory", { messages: [{ role: "u", content: "hello Lisbon" }] }))
      .status,
  ).toBe(200);
  expect((await post(collection, { embedding_dimensions: 2, description: "kept" })).status).toBe(201);
  const added = await post(`${collection}/documents`, [{ content: "one", embedding: [0.3, 0.4] }]);
  expect(added.status).toBe(200);
  documentUuid = (added.json as string[])[0]!;
});

describe("bad input on the Zep CE routes", () => {
  it("users-ordered and sessions-ordered", async () => {
    rejected(await call("GET", "/api/v2/users-ordered?pageNumber=0"), /page_number is 1-based/);
    rejected(await call("GET", "/api/v2/users-ordered?pageSize=abc"), /page_size must be a number/);
    rejected(await call("GET", "/api/v2/users-ordered?page_size=5000"), /at most 1000/);
    rejected(await call("GET", "/api/v2/sessions-ordered?page_number=-1"), /page_number/);
    rejected(await call("GET", "/api/v2/sessions-ordered?order_by=content"), /order_by must be one of/);
    rejected(await call("GET", "/api/v2/sessions-ordered?asc=maybe"), /asc must be true or false/);
    const page = await call("GET", "/api/v2/sessions-ordered?page_number=99");
    expect(page.json).toEqual({ sessions: [], total_count: 1, response_count: 0 });
  });

  it("POST /sessions/search", async () => {
    const search = "/api/v2/sessions/search";
    rejected(await call("POST", search, "{not json"), /not valid JSON/);
    rejected(await call("POST", search, "[]"), /must be a JSON object/);
    rejected(await post(search, {}), /needs text or a metadata filter/);
    rejected(await post(search, { text: 42 }), /text must be a string/);
    rejected(await post(search, { text: "x", session_ids: [] }), /at least one session/);
    rejected(await post(search, { text: "x", session_ids: "ce-session" }), /session_ids must be an array/);
    rejected(await post(search, { text: "x", min_score: 2 }), /min_score must be between 0 and 1/);
    rejected(await post(search, { text: "x", search_scope: "everything" }), /search_scope must be/);
    rejected(
      await post(search, { text: "x", record_filter: { where: { jsonpath: "$$.((" } } }),
      /invalid jsonpath/,
    );
    rejected(
      await post(search, { text: "x", record_filter: { color: "red" } }),
      /metadata filter takes only/,
    );
    rejected(await post(`${search}?limit=0`, { text: "x" }), /limit must be at least 1/);
    rejected(await post(search, { text: "x", user_id: "nobody" }), /not found/, 404);
    rejected(await call("GET", "/api/v2/sessions/search/memory"), /not found/, 404);
    rejected(await post(search, { text: "Lisbon", search_scope: "facts" }), /needs a session or a user/);
  });

  it("answers OK as JSON to Api-Key clients and as text to Bearer clients", async () => {
    await post("/api/v2/sessions/ok-json/memory", { messages: [{ role: "u", content: "x" }] });
    const json = await call("DELETE", "/api/v2/sessions/ok-json/memory", undefined, {
      Authorization: `Api-Key ${server.apiKey}`,
    });
    expect(json.status).toBe(200);
    expect(json.json).toEqual({ message: "OK" });
    await post("/api/v2/sessions/ok-text/memory", { messages: [{ role: "u", content: "x" }] });
    const text = await call("DELETE", "/api/v2/sessions/ok-text/memory");
    expect(text.text).toBe("OK");
    rejected(
      await fetch(`${server.url}/api/v2/users-ordered`, {
        headers: { Authorization: "Api-Key wrong-key-wrong-key" },
      }).then(async (response) => {
        const text = await response.text();
        return { status: response.status, text, json: JSON.parse(text) as unknown };
      }),
      /send a valid API key/,
      401,
    );
  });
});

describe("bad input on document collections", () => {
  it("collections: names, dimensions, auto-embedding without a provider, unknown ones", async () => {
    rejected(await post("/api/v2/collections/ab", { embedding_dimensions: 3 }), /3 to 40 letters and digits/);
    rejected(await post("/api/v2/collections/no-dashes", { embedding_dimensions: 3 }), /letters and digits/);
    rejected(await post("/api/v2/collections/fresh", {}), /embedding_dimensions/);
    rejected(await post("/api/v2/collections/fresh", { embedding_dimensions: 0 }), /at least 1/);
    rejected(await post("/api/v2/collections/fresh", { embedding_dimensions: 5000 }), /at most 2000/);
    rejected(await post("/api/v2/collections/fresh", { embedding_dimensions: "3" }), /must be a number/);
    rejected(
      await post("/api/v2/collections/fresh", { embedding_dimensions: 3, name: "other" }),
      /names collection/,
    );
    rejected(
      await post("/api/v2/collections/fresh", { embedding_dimensions: 3, metadata: [] }),
      /JSON object/,
    );
    rejected(
      await post("/api/v2/collections/fresh", { embedding_dimensions: 3, is_auto_embedded: true }),
      /ENGRAM_EMBEDDINGS_BASE_URL/,
    );
    rejected(await post(collection, { embedding_dimensions: 2 }), /already exists/);
    rejected(await call("GET", "/api/v2/collections/missing"), /not found/, 404);
    rejected(await call("GET", "/api/v1/collection/missing"), /not found/, 404);
    rejected(await patch("/api/v2/collections/missing", { description: "x" }), /not found/, 404);
    rejected(await patch(collection, { metadata: "x" }), /JSON object/);
    rejected(await call("DELETE", "/api/v2/collections/missing"), /not found/, 404);
    rejected(await call("POST", "/api/v2/collections/missing/index/create"), /not found/, 404);
    rejected(await call("POST", `${collection}/index/create?force=maybe`), /force must be true or false/);
    rejected(await call("PUT", collection), /not allowed/, 405);
  });

  it("documents: shapes, dimensions, unknown uuids, batch limits", async () => {
    const documents = `${collection}/documents`;
    rejected(await post(documents, { content: "x", embedding: [0.1, 0.2] }), /JSON array of documents/);
    rejected(await post(documents, []), /at least one document/);
    rejected(
      await post(
        documents,
        Array.from({ length: 1001 }, () => ({ embedding: [0.1, 0.2] })),
      ),
      /at most 1000 documents/,
    );
    rejected(await post(documents, [{ content: "x", embedding: [0.1, 0.2, 0.3] }]), /3 dimensions/);
    rejected(await post(documents, [{ content: "x" }]), /no embedding/);
    rejected(await post(documents, [{ embedding: [0, 0] }]), /all zeros/);
    rejected(await post(documents, [{ embedding: ["a", 1] }]), /must be numbers/);
    rejected(await post(documents, [{ embedding: [0.1, 0.2], metadata: 7 }]), /JSON object/);
    rejected(
      await post("/api/v2/collections/missing/documents", [{ embedding: [0.1, 0.2] }]),
      /not found/,
      404,
    );
    rejected(
      await post("/api/v1/collection/kept/document", [{ content: "x", embedding: [1] }]),
      /1 dimensions/,
    );

    rejected(await post(`${documents}/list/get`, {}), /send uuids or document_ids/);
    rejected(await post(`${documents}/list/get`, { uuids: ["nope"] }), /UUID/);
    rejected(await call("GET", `${documents}/not-a-uuid`), /UUID/);
    const unknown = "11111111-1111-4111-8111-111111111111";
    rejected(await call("GET", `${documents}/${unknown}`), /not found/, 404);
    rejected(await call("GET", `/api/v1/collection/kept/document/${unknown}`), /not found/, 404);
    rejected(await patch(`${documents}/${documentUuid}`, { metadata: [1] }), /JSON object/);
    rejected(await patch(`${documents}/${documentUuid}`, { uuid: unknown }), /differs from the document/);
    rejected(await call("DELETE", `${documents}/uuid/not-a-uuid`), /UUID/);
    rejected(await call("DELETE", `${documents}/uuid/${unknown}`), /not found/, 404);
    rejected(
      await post(`${documents}/batchDelete`, { uuids: [documentUuid] }),
      /JSON array of document uuids/,
    );
    rejected(await post(`${documents}/batchDelete`, [documentUuid, unknown]), /not found/, 404);
    rejected(
      await patch(`${documents}/batchUpdate`, { uuid: documentUuid }),
      /JSON array of document updates/,
    );
    rejected(
      await patch(`${documents}/batchUpdate`, [{ uuid: documentUuid, metadata: {} }, { uuid: unknown }]),
      /not found/,
      404,
    );
  });

  it("search: no query, wrong dimensions, bad filters and numbers, text without a provider", async () => {
    const search = `${collection}/search`;
    rejected(await post(search, {}), /needs text, an embedding or a metadata where filter/);
    rejected(await post(search, { embedding: [0.1, 0.2, 0.3] }), /3 dimensions/);
    rejected(await post(search, { embedding: [0.1, 0.2], mmr_lambda: 2 }), /between 0 and 1/);
    rejected(await post(search, { embedding: [0.1, 0.2], search_type: "best" }), /similarity or mmr/);
    rejected(await post(search, { metadata: { where: { jsonpath: "$$.((" } } }), /invalid jsonpath/);
    rejected(await post(search, { metadata: { start_date: "2024-01-01" } }), /takes only where/);
    rejected(await post(`${search}?limit=abc`, { embedding: [0.1, 0.2] }), /limit must be a number/);
    rejected(await post(search, { text: "one" }), /ENGRAM_EMBEDDINGS_BASE_URL/);
    rejected(await post("/api/v2/collections/missing/search", { embedding: [0.1, 0.2] }), /not found/, 404);
  });

  it("wrote nothing on the way", async () => {
    const collections = await call("GET", "/api/v2/collections");
    expect((collections.json as { name: string }[]).map((c) => c.name)).toEqual(["kept"]);
    const kept = await call("GET", collection);
    expect(kept.json).toMatchObject({ document_count: 1, description: "kept", metadata: {} });
    const document = await call("GET", `${collection}/documents/${documentUuid}`);
    expect(document.json).toMatchObject({ content: "one", metadata: {}, embedding: [0.3, 0.4] });
    const users = await call("GET", "/api/v2/users-ordered");
    expect((users.json as { users: { user_id: string }[] }).users.map((u) => u.user_id)).toEqual(["ce-user"]);
  });
});
