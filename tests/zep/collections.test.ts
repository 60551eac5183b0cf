import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/server/config";
import { embedPendingDocuments } from "@/server/jobs/documents";
import { openAiEmbedder } from "@/server/providers/embeddings";
import { cosineSimilarity } from "@/server/services/documentRanking";
import { backends, callerFor, useTestDatabase } from "../support/databases";
import { hashedEmbedding, type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

/** A seeded generator, so every run (and both databases) sees the same vectors. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const vector = (next: () => number, dimensions: number) => Array.from({ length: dimensions }, () => next());

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(backends)("document collections on %s", (backend) => {
  const t = useTestDatabase(backend, `zep_collections_${backend}`);
  let stub: OpenAiStub;

  beforeAll(async () => {
    stub = await startOpenAiStub();
    stub.embed = (text) => hashedEmbedding(text, 16);
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(() => {
    delete process.env.ENGRAM_EMBEDDINGS_BASE_URL;
    resetConfig();
    stub.mode = "ok";
  });

  it("uses pgvector where the database has it and exact search elsewhere, with the same results", async () => {
    const api = await callerFor(t.db);
    const { engine } = await api.collections.engine();
    expect(engine).toBe(backend === "pglite" ? "pgvector" : "exact");

    const next = random(42);
    await api.collections.create({ name: "points", embedding_dimensions: 16 });
    const points = Array.from({ length: 300 }, (_, index) => ({
      content: `point ${index}`,
      metadata: { parity: index % 2 === 0 ? "even" : "odd", index },
      embedding: vector(next, 16),
    }));
    const uuids = await api.collections.addDocuments({ name: "points", documents: points });
    expect(uuids).toHaveLength(300);

    const queries = Array.from({ length: 5 }, () => vector(next, 16));
    const exactTop = (query: number[], keep: (index: number) => boolean = () => true) =>
      points
        .map((point, index) => ({ index, similarity: cosineSimilarity(query, point.embedding) }))
        .filter(({ index }) => keep(index))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 5)
        .map(({ index }) => uuids[index]);

    const searchAll = async (filtered: boolean) => {
      for (const query of queries) {
        const { results, query_vector } = await api.collections.search({
          name: "points",
          query: {
            embedding: query,
            limit: 5,
            ...(filtered && { metadata: { where: { jsonpath: "$.parity ? (@ == 'odd')" } } }),
          },
        });
        expect(query_vector).toEqual(query);
        expect(results.map((document) => document.uuid)).toEqual(
          exactTop(query, filtered ? (index) => index % 2 === 1 : undefined),
        );
        const scores = results.map((document) => document.score!);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        expect(scores[0]).toBeCloseTo(
          cosineSimilarity(query, points[uuids.indexOf(results[0]!.uuid)]!.embedding),
          4,
        );
      }
    };
    await searchAll(false);
    await searchAll(true);
    const indexed = await api.collections.createIndex({ name: "points" });
    expect(indexed.is_indexed).toBe(true);
    // With an HNSW index on pgvector (exact search otherwise), the answers stay the same.
    await searchAll(false);
    await searchAll(true);

    await api.collections.delete({ name: "points" });
    expect((await rejection(api.collections.get({ name: "points" }))).code).toBe("NOT_FOUND");
    expect(await api.collections.list()).toEqual([]);
  });

  it("refuses bad input with nothing written, and lets support read but not write", async () => {
    const api = await callerFor(t.db);
    const auto = await rejection(
      api.collections.create({ name: "autodocs", embedding_dimensions: 16, is_auto_embedded: true }),
    );
    expect(auto.code).toBe("BAD_REQUEST");
    expect(auto.message).toMatch(/ENGRAM_EMBEDDINGS_BASE_URL/);
    expect(await api.collections.list()).toEqual([]);

    await api.collections.create({ name: "small", embedding_dimensions: 2, description: "two" });
    const tooLong = await rejection(
      api.collections.addDocuments({
        name: "small",
        documents: [
          { content: "ok", embedding: [0.1, 0.2] },
          { content: "bad", embedding: [0.1, 0.2, 0.3] },
        ],
      }),
    );
    expect(tooLong.message).toMatch(/3 dimensions; collection "small" has 2/);
    const zero = await rejection(
      api.collections.addDocuments({ name: "small", documents: [{ content: "zero", embedding: [0, 0] }] }),
    );
    expect(zero.message).toMatch(/all zeros/);
    expect((await api.collections.get({ name: "small" })).document_count).toBe(0);

    const [uuid] = await api.collections.addDocuments({
      name: "small",
      documents: [{ content: "kept", embedding: [0.3, 0.4], document_id: "k" }],
    });
    const unknown = "11111111-1111-4111-8111-111111111111";
    expect(
      (await rejection(api.collections.deleteDocuments({ name: "small", uuids: [uuid!, unknown] }))).code,
    ).toBe("NOT_FOUND");
    expect((await api.collections.getDocument({ name: "small", uuid: uuid! })).content).toBe("kept");
    expect(
      (
        await rejection(
          api.collections.updateDocuments({ name: "small", updates: [{ uuid: unknown, metadata: {} }] }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const badPath = await rejection(
      api.collections.search({ name: "small", query: { metadata: { where: { jsonpath: "$$.((" } } } }),
    );
    expect(badPath.code).toBe("BAD_REQUEST");
    const noQuery = await rejection(api.collections.search({ name: "small", query: {} }));
    expect(noQuery.message).toMatch(/needs text, an embedding or a metadata where filter/);
    const textless = await rejection(api.collections.search({ name: "small", query: { text: "kept" } }));
    expect(textless.message).toMatch(/ENGRAM_EMBEDDINGS_BASE_URL/);

    const support = await callerFor(t.db, {
      kind: "account",
      accountId: 1,
      email: "s@example.com",
      role: "support",
    });
    expect((await support.collections.get({ name: "small" })).description).toBe("two");
    expect((await support.collections.documents({ name: "small" })).map((d) => d.document_id)).toEqual(["k"]);
    expect((await rejection(support.collections.delete({ name: "small" }))).code).toBe("FORBIDDEN");
    expect(
      (
        await rejection(
          support.collections.addDocuments({ name: "small", documents: [{ embedding: [1, 2] }] }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("embeds auto-embedded documents in the background, durably, retrying failures visibly", async () => {
    process.env.ENGRAM_EMBEDDINGS_BASE_URL = stub.url;
    resetConfig();
    const api = await callerFor(t.db);
    await api.collections.create({ name: "notes", embedding_dimensions: 16, is_auto_embedded: true });
    await api.collections.addDocuments({
      name: "notes",
      documents: [{ content: "ferry to the island" }, { content: "bread and butter" }],
    });
    const embedder = openAiEmbedder({ baseUrl: stub.url, model: "stub", timeoutMs: 5_000 });
    const worker = (owner: string) => ({
      owner,
      leaseMs: 60_000,
      retryBaseMs: 1,
      retryMaxMs: 1,
      embedder,
      batchSize: 10,
    });

    // A provider outage: the error is recorded on the documents and shown on the collection.
    stub.mode = "unavailable";
    expect(await embedPendingDocuments(t.db, worker("a"))).toBe(2);
    const failing = await api.collections.get({ name: "notes" });
    expect(failing).toMatchObject({ document_count: 2, document_embedded_count: 0, embedding_failures: 2 });
    expect(failing.last_embedding_error).toMatch(/embeddings endpoint/);

    // A worker that died holding a lease: no other worker takes those documents until it expires.
    stub.mode = "ok";
    await t.db.execute(
      sql`update documents set embed_lease_owner = 'dead', embed_lease_expires_at = now() + interval '300 milliseconds',
          embed_next_attempt_at = now()`,
    );
    expect(await embedPendingDocuments(t.db, worker("c"))).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await embedPendingDocuments(t.db, worker("c"))).toBe(2);
    expect(await embedPendingDocuments(t.db, worker("c"))).toBe(0);
    expect(await api.collections.get({ name: "notes" })).toMatchObject({
      document_embedded_count: 2,
      embedding_failures: 0,
      last_embedding_error: null,
    });

    const { results } = await api.collections.search({
      name: "notes",
      query: { text: "island ferry", limit: 2 },
    });
    expect(results.map((document) => document.content)).toEqual(["ferry to the island", "bread and butter"]);
    expect(results[0]!.embedding).toHaveLength(16);
  });
});
