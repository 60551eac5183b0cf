import { type APIError, Document, NotFoundError, ZepClient } from "@getzep/zep-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZepClient as ZepClientV2 } from "zep-js-v2";
import { hashedEmbedding, type OpenAiStub, startOpenAiStub } from "../support/openai-stub";
import { type RunningServer, startServer } from "../support/server";

// The document APIs of Zep's own clients, unmodified: zep-js 0.10.0 (/api/v1/collection/...) and
// 2.0.0-rc.4 (/api/v2/collections/...), against a server whose embeddings come from the local stub.
let stub: OpenAiStub;
let server: RunningServer;
/** rc.4 creates every collection auto-embedded with 1024 dimensions. */
const AUTO_DIMENSIONS = 1024;

beforeAll(async () => {
  stub = await startOpenAiStub();
  stub.embed = (text) => hashedEmbedding(text, AUTO_DIMENSIONS);
  server = await startServer("zep_documents", {
    ENGRAM_EMBEDDINGS_BASE_URL: stub.url,
    ENGRAM_WORKER_POLL_MS: "20",
    ENGRAM_WORKER_SETTLE_MS: "0",
  });
});

afterAll(async () => {
  await server?.stop();
  await stub?.close();
});

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Waits until the collection's documents are all embedded by the server's background worker. */
async function embedded(get: () => Promise<{ document_count?: number; document_embedded_count?: number }>) {
  for (let tries = 0; tries < 200; tries += 1) {
    const collection = await get();
    if (collection.document_count && collection.document_embedded_count === collection.document_count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("documents were not embedded within 10 s");
}

const close = (actual: ArrayLike<number> | undefined, expected: number[]) => {
  expect(actual).toBeDefined();
  expect(Array.from(actual!)).toHaveLength(expected.length);
  for (const [index, value] of Array.from(actual!).entries()) expect(value).toBeCloseTo(expected[index]!, 5);
};

describe("zep-js 0.10.0 document collections", () => {
  it("creates, lists, updates and deletes collections", async () => {
    const zep = await ZepClient.init(server.url, server.apiKey);
    const created = await zep.document.addCollection({
      name: "vectorsv1",
      embeddingDimensions: 3,
      isAutoEmbedded: false,
      description: "three dimensions",
      metadata: { owner: { team: "search" } },
    });
    expect(created).toMatchObject({
      name: "vectorsv1",
      description: "three dimensions",
      metadata: { owner: { team: "search" } },
      embedding_dimensions: 3,
      is_auto_embedded: false,
      document_count: 0,
    });
    const duplicate = await thrown(
      zep.document.addCollection({ name: "vectorsv1", embeddingDimensions: 3, isAutoEmbedded: false }),
    );
    expect((duplicate as APIError).code).toBe(400);
    const badName = await thrown(
      zep.document.addCollection({ name: "no spaces!", embeddingDimensions: 3, isAutoEmbedded: false }),
    );
    expect((badName as APIError).code).toBe(400);

    const updated = await zep.document.updateCollection({
      name: "vectorsv1",
      description: "still three",
      metadata: { owner: { lead: "ana" } },
    });
    expect(updated.description).toBe("still three");
    expect(updated.metadata).toEqual({ owner: { team: "search", lead: "ana" } });
    expect((await zep.document.listCollections()).map((c) => c.name)).toContain("vectorsv1");

    await zep.document.deleteCollection("vectorsv1");
    expect(await thrown(zep.document.getCollection("vectorsv1"))).toBeInstanceOf(NotFoundError);
    expect(await thrown(zep.document.deleteCollection("vectorsv1"))).toBeInstanceOf(NotFoundError);
  });

  it("stores documents with embeddings; gets, updates, searches and deletes them", async () => {
    const zep = await ZepClient.init(server.url, server.apiKey);
    const collection = await zep.document.addCollection({
      name: "docsv1",
      embeddingDimensions: 3,
      isAutoEmbedded: false,
    });
    const texts = [
      { content: "red apples", embedding: [0.9, 0.1, 0.05], metadata: { kind: "fruit", color: "red" } },
      { content: "crimson apples", embedding: [0.88, 0.12, 0.06], metadata: { kind: "fruit", color: "red" } },
      { content: "green pears", embedding: [0.5, 0.8, 0.1], metadata: { kind: "fruit", color: "green" } },
      { content: "blue sky", embedding: [0.05, 0.15, 0.95], metadata: { kind: "sky", color: "blue" } },
    ];
    const uuids = await collection.addDocuments(
      texts.map(
        (text, index) =>
          new Document({
            document_id: `doc-${index}`,
            content: text.content,
            metadata: text.metadata,
            embedding: new Float32Array(text.embedding),
          }),
      ),
    );
    expect(uuids).toHaveLength(4);

    const first = await collection.getDocument(uuids[0]!);
    expect(first).toMatchObject({ uuid: uuids[0], document_id: "doc-0", content: "red apples" });
    expect(first.metadata).toEqual({ kind: "fruit", color: "red" });
    close(first.embedding, texts[0]!.embedding);
    const some = await collection.getDocuments([uuids[3]!, uuids[1]!]);
    expect(some.map((d) => d.content)).toEqual(["crimson apples", "blue sky"]);

    await collection.updateDocument({ uuid: uuids[2]!, documentId: "pears", metadata: { ripe: true } });
    const pears = await collection.getDocument(uuids[2]!);
    expect(pears.document_id).toBe("pears");
    expect(pears.metadata).toEqual({ kind: "fruit", color: "green", ripe: true });

    // Nearest first, scored by cosine similarity.
    const [results, queryVector] = await collection.searchReturnQueryVector(
      { embedding: new Float32Array([0.9, 0.1, 0.05]) },
      3,
    );
    expect(results.map((d) => d.content)).toEqual(["red apples", "crimson apples", "green pears"]);
    expect(results[0]!.score).toBeCloseTo(1, 4);
    expect(results[0]!.score!).toBeGreaterThan(results[1]!.score!);
    expect(results[1]!.score!).toBeGreaterThan(results[2]!.score!);
    close(queryVector, [0.9, 0.1, 0.05]);

    const filtered = await collection.search(
      {
        embedding: new Float32Array([0.9, 0.1, 0.05]),
        metadata: { where: { jsonpath: "$.color ? (@ == 'green')" } },
      },
      3,
    );
    expect(filtered.map((d) => d.content)).toEqual(["green pears"]);
    const byMetadata = await collection.search({
      metadata: { where: { jsonpath: "$.kind ? (@ == 'sky')" } },
    });
    expect(byMetadata.map((d) => d.content)).toEqual(["blue sky"]);

    // MMR: the near-duplicate of the best match gives way to a more different document.
    const between = new Float32Array([0.8, 0.3, 0.05]);
    const similar = await collection.search({ embedding: between }, 2);
    expect(similar.map((d) => d.content)).toEqual(["crimson apples", "red apples"]);
    const diverse = await collection.search({ embedding: between, searchType: "mmr", mmrLambda: 0.5 }, 2);
    expect(diverse.map((d) => d.content)).toEqual(["crimson apples", "green pears"]);

    await collection.createIndex(true);
    expect((await zep.document.getCollection("docsv1")).is_indexed).toBe(true);
    const indexed = await collection.search({ embedding: new Float32Array([0.05, 0.15, 0.95]) }, 1);
    expect(indexed.map((d) => d.content)).toEqual(["blue sky"]);

    await collection.deleteDocument(uuids[3]!);
    expect(await thrown(collection.getDocument(uuids[3]!))).toBeInstanceOf(NotFoundError);
    expect(await thrown(collection.deleteDocument(uuids[3]!))).toBeInstanceOf(NotFoundError);

    // Wrong dimensions and a missing embedding are 400s, and nothing is written (the client's upload
    // pool drops a failed batch without throwing, so its answer is simply no uuids).
    const wrong = await collection.addDocuments([
      new Document({ content: "fine", embedding: new Float32Array([0.1, 0.2, 0.3]) }),
      new Document({ content: "too long", embedding: new Float32Array([0.1, 0.2, 0.3, 0.4]) }),
    ]);
    expect(wrong).toEqual([]);
    expect(await collection.addDocuments([new Document({ content: "no vector" })])).toEqual([]);
    const queryDims = await thrown(collection.search({ embedding: new Float32Array([0.1, 0.2]) }));
    expect((queryDims as APIError).code).toBe(400);
    const badFilter = await thrown(collection.search({ metadata: { where: { jsonpath: "$$.((" } } }));
    expect((badFilter as APIError).code).toBe(400);
    const after = await zep.document.getCollection("docsv1");
    expect(after.document_count).toBe(3);
  });

  it("auto-embeds documents in the background and searches them by text", async () => {
    const zep = await ZepClient.init(server.url, server.apiKey);
    const collection = await zep.document.addCollection({
      name: "autov1",
      embeddingDimensions: AUTO_DIMENSIONS,
      isAutoEmbedded: true,
    });
    expect(collection.is_auto_embedded).toBe(true);
    await collection.addDocuments([
      new Document({ content: "the ferry to the island leaves at noon", metadata: { topic: "travel" } }),
      new Document({ content: "sourdough bread needs a starter", metadata: { topic: "food" } }),
      new Document({ content: "ferry tickets are sold at the harbour", metadata: { topic: "travel" } }),
    ]);
    await embedded(() => zep.document.getCollection("autov1"));

    const results = await collection.search({ text: "ferry island" }, 2);
    expect(results[0]!.content).toBe("the ferry to the island leaves at noon");
    expect(results[0]!.is_embedded).toBe(true);
    expect(results[0]!.embedding).toHaveLength(AUTO_DIMENSIONS);
    expect(results.map((d) => d.content)).not.toContain("sourdough bread needs a starter");
    const food = await collection.search(
      { text: "bread starter", metadata: { where: { jsonpath: "$.topic ? (@ == 'food')" } } },
      3,
    );
    expect(food.map((d) => d.content)).toEqual(["sourdough bread needs a starter"]);
    await zep.document.deleteCollection("autov1");
  });
});

describe("zep-js 2.0.0-rc.4 document collections", () => {
  it("creates an auto-embedded collection and manages and searches its documents", async () => {
    const zep = await ZepClientV2.init(server.apiKey, server.url);
    const collection = await zep.document.addCollection({
      name: "docsrc4",
      description: "rc.4 documents",
      metadata: { source: "handbook" },
    });
    expect(collection).toMatchObject({
      name: "docsrc4",
      description: "rc.4 documents",
      is_auto_embedded: true,
    });
    expect(collection.embedding_dimensions).toBe(AUTO_DIMENSIONS);

    const uuids = await collection.addDocuments([
      {
        content: "vacation days are approved by your manager",
        document_id: "hr-1",
        metadata: { area: "hr" },
      },
      { content: "expense reports are due monthly", document_id: "fin-1", metadata: { area: "finance" } },
      { content: "vacation requests need two weeks notice", document_id: "hr-2", metadata: { area: "hr" } },
    ]);
    expect(uuids).toHaveLength(3);
    await embedded(() => zep.document.getCollection("docsrc4"));

    const hits = await collection.search({ text: "vacation manager approved" }, 2);
    expect(hits[0]!.content).toBe("vacation days are approved by your manager");
    expect(hits[0]!.score!).toBeGreaterThan(hits[1]!.score!);
    const finance = await collection.search(
      { text: "expense reports", metadata: { where: { jsonpath: "$.area ? (@ == 'finance')" } } },
      5,
    );
    expect(finance.map((d) => d.document_id)).toEqual(["fin-1"]);

    const document = await collection.getDocument(uuids[1]!);
    expect(document).toMatchObject({ document_id: "fin-1", content: "expense reports are due monthly" });
    await collection.updateDocument({ uuid: uuids[1]!, documentId: "fin-1", metadata: { reviewed: true } });
    expect((await collection.getDocument(uuids[1]!)).metadata).toEqual({ area: "finance", reviewed: true });
    expect((await collection.getDocuments([uuids[0]!, uuids[2]!])).map((d) => d.document_id)).toEqual([
      "hr-1",
      "hr-2",
    ]);
    await collection.deleteDocument(uuids[0]!);
    expect(await thrown(collection.getDocument(uuids[0]!))).toBeInstanceOf(Error);

    await collection.createIndex(true);
    const listed = await zep.document.listCollections();
    expect(listed.find((c) => c.name === "docsrc4")).toMatchObject({ document_count: 2, is_indexed: true });
    await zep.document.updateCollection({ name: "docsrc4", description: "updated" });
    expect((await zep.document.getCollection("docsrc4")).description).toBe("updated");
    await zep.document.deleteCollection("docsrc4");
    expect(await thrown(zep.document.getCollection("docsrc4"))).toBeInstanceOf(Error);
  });
});

describe("document search while the embeddings provider fails", () => {
  it("answers 503 with Retry-After and the provider's status, not 500", async () => {
    const zep = await ZepClientV2.init(server.apiKey, server.url);
    await zep.document.addCollection({ name: "providerdown" });
    stub.mode = "unavailable";
    try {
      const response = await fetch(`${server.url}/api/v2/collections/providerdown/search?limit=2`, {
        method: "POST",
        headers: { Authorization: `Bearer ${server.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ text: "ferry island" }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe("UNAVAILABLE");
      expect(body.message).toMatch(/embeddings provider failed: .*HTTP 503.*overloaded/);
      expect(body.message).not.toContain(server.apiKey);
    } finally {
      stub.mode = "ok";
      await zep.document.deleteCollection("providerdown");
    }
  });
});
