import { ZepMemory } from "@langchain/community/memory/zep";
import { ZepRetriever } from "@langchain/community/retrievers/zep";
import { ZepVectorStore } from "@langchain/community/vectorstores/zep";
import type { BaseMessage } from "@langchain/core/messages";
import { FakeEmbeddings } from "@langchain/core/utils/testing";
import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngramClient } from "@/server/trpc/client";
import { hashedEmbedding, type OpenAiStub, startOpenAiStub } from "../support/openai-stub";
import { type RunningServer, startServer } from "../support/server";

// LangChain.js's Zep classes (@langchain/community, on @getzep/zep-js 0.10.0), unmodified. Client-side
// embeddings come from LangChain's OpenAIEmbeddings pointed at the local OpenAI-protocol stub, as do
// the server's own (for the auto-embedded collection).
let stub: OpenAiStub;
let server: RunningServer;
const DIMENSIONS = 16;

beforeAll(async () => {
  stub = await startOpenAiStub();
  // Off-integer values: zep-js 0.10.0 rejects a query vector holding a whole number other than 0.
  stub.embed = (text) => hashedEmbedding(text, DIMENSIONS).map((value) => value * 0.9 + 0.013);
  server = await startServer("langchain", {
    ENGRAM_EMBEDDINGS_BASE_URL: stub.url,
    ENGRAM_WORKER_POLL_MS: "20",
    ENGRAM_WORKER_SETTLE_MS: "0",
  });
});

afterAll(async () => {
  await server?.stop();
  await stub?.close();
});

const embeddings = () =>
  new OpenAIEmbeddings({
    apiKey: "stub-key",
    model: "text-embedding-3-small",
    configuration: { baseURL: stub.url },
  });

const contents = (messages: BaseMessage[]) => messages.map((message) => String(message.content));

describe("LangChain ZepMemory", () => {
  it("saves turns, loads them (all or the last N) and clears them", async () => {
    const memory = new ZepMemory({
      sessionId: "lc-memory",
      baseURL: server.url,
      apiKey: server.apiKey,
      returnMessages: true,
    });
    await memory.saveContext(
      { input: "My name is Ana and I live in Porto." },
      { output: "Nice to meet you, Ana." },
    );
    await memory.saveContext({ input: "I am allergic to peanuts." }, { output: "Noted: no peanuts." });

    const loaded = await memory.loadMemoryVariables({});
    expect(contents(loaded.history as BaseMessage[])).toEqual([
      "My name is Ana and I live in Porto.",
      "Nice to meet you, Ana.",
      "I am allergic to peanuts.",
      "Noted: no peanuts.",
    ]);
    expect((loaded.history as BaseMessage[]).map((message) => message.getType())).toEqual([
      "human",
      "ai",
      "human",
      "ai",
    ]);
    const lastTwo = await memory.loadMemoryVariables({ lastN: 2 });
    expect(contents(lastTwo.history as BaseMessage[])).toEqual([
      "I am allergic to peanuts.",
      "Noted: no peanuts.",
    ]);

    const asText = new ZepMemory({ sessionId: "lc-memory", baseURL: server.url, apiKey: server.apiKey });
    const text = (await asText.loadMemoryVariables({})).history as string;
    expect(text).toContain("Human: I am allergic to peanuts.");
    expect(text).toContain("AI: Noted: no peanuts.");

    await memory.clear();
    expect((await memory.loadMemoryVariables({})).history).toEqual([]);
  });
});

describe("LangChain ZepRetriever", () => {
  it("retrieves messages by similarity, by mmr, with a metadata filter, and summaries", async () => {
    const engram = createEngramClient({ url: server.url, apiKey: server.apiKey });
    await engram.memory.add.mutate({
      sessionId: "lc-retriever",
      messages: [
        {
          role: "Ana",
          role_type: "user",
          content: "Book a flight to Lisbon for Friday",
          metadata: { intent: "travel" },
        },
        {
          role: "Bot",
          role_type: "assistant",
          content: "Flights to Lisbon on Friday: two options",
          metadata: { intent: "travel" },
        },
        {
          role: "Ana",
          role_type: "user",
          content: "Also a hotel in Lisbon near the river",
          metadata: { intent: "lodging" },
        },
        {
          role: "Ana",
          role_type: "user",
          content: "What is the weather in Oslo",
          metadata: { intent: "weather" },
        },
      ],
    });
    const options = { sessionId: "lc-retriever", url: server.url, apiKey: server.apiKey, topK: 3 };

    const similar = await new ZepRetriever(options).invoke("Lisbon flight");
    expect(similar.length).toBeGreaterThan(0);
    expect(similar[0]!.pageContent).toMatch(/flight/i);
    for (const document of similar) expect(document.pageContent).toMatch(/Lisbon/);
    expect(similar[0]!.metadata.score).toBeGreaterThan(0);

    const diverse = await new ZepRetriever({ ...options, searchType: "mmr", mmrLambda: 0.5 }).invoke(
      "Lisbon",
    );
    expect(new Set(diverse.map((document) => document.pageContent)).size).toBe(diverse.length);
    expect(diverse.every((document) => document.pageContent.includes("Lisbon"))).toBe(true);

    const lodging = await new ZepRetriever({
      ...options,
      filter: { where: { jsonpath: "$.intent ? (@ == 'lodging')" } },
    }).invoke("Lisbon");
    expect(lodging.map((document) => document.pageContent)).toEqual([
      "Also a hotel in Lisbon near the river",
    ]);

    const page = await engram.memory.get.query({ sessionId: "lc-retriever", lastn: 4 });
    await engram.memory.addSummary.mutate({
      sessionId: "lc-retriever",
      content: "Ana is planning a trip to Lisbon with a flight and a hotel.",
      recent_message_uuid: page.messages[2]!.uuid,
    });
    const summaries = await new ZepRetriever({ ...options, searchScope: "summary" }).invoke("Lisbon trip");
    expect(summaries.map((document) => document.pageContent)).toEqual([
      "Ana is planning a trip to Lisbon with a flight and a hotel.",
    ]);
  });
});

describe("LangChain ZepVectorStore", () => {
  it("fromTexts with client embeddings: scored search, metadata filter, mmr and delete", async () => {
    const config = {
      apiUrl: server.url,
      apiKey: server.apiKey,
      collectionName: "lcvectors",
      embeddingDimensions: DIMENSIONS,
    };
    const store = await ZepVectorStore.fromTexts(
      [
        "the ferry to the island leaves at noon",
        "the ferry to the island leaves at noon daily",
        "ferry tickets are sold at the harbour",
        "sourdough bread needs a starter",
      ],
      [{ topic: "travel" }, { topic: "travel" }, { topic: "tickets" }, { topic: "food" }],
      embeddings(),
      config,
    );

    const scored = await store.similaritySearchWithScore("ferry island noon", 3);
    expect(scored[0]![0].pageContent).toMatch(/^the ferry to the island leaves at noon/);
    const scores = scored.map(([, score]) => score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scored.map(([document]) => document.pageContent)).not.toContain("sourdough bread needs a starter");

    const food = await store.similaritySearch("ferry island", 3, {
      where: { jsonpath: "$.topic ? (@ == 'food')" },
    });
    expect(food.map((document) => document.pageContent)).toEqual(["sourdough bread needs a starter"]);
    expect(food[0]!.metadata).toEqual({ topic: "food" });

    const diverse = await store.maxMarginalRelevanceSearch("ferry island noon", {
      k: 2,
      fetchK: 4,
      lambda: 0.3,
    });
    expect(diverse).toHaveLength(2);
    // The near-duplicate of the first pick gives way to a different document.
    expect(
      diverse
        .map((document) => document.pageContent)
        .filter((content) => content.startsWith("the ferry to the island")),
    ).toHaveLength(1);

    const [uuid] = await store.addDocuments([
      { pageContent: "a ferry timetable for the island", metadata: { topic: "travel" } },
    ]);
    expect((await store.similaritySearch("ferry timetable island", 1))[0]!.pageContent).toBe(
      "a ferry timetable for the island",
    );
    await store.delete({ uuids: [uuid!] });
    const after = await store.similaritySearch("ferry timetable island", 5);
    expect(after.map((document) => document.pageContent)).not.toContain("a ferry timetable for the island");
    expect(after).toHaveLength(4);
  });

  it("an auto-embedded collection: the server embeds documents and queries", async () => {
    const config = {
      apiUrl: server.url,
      apiKey: server.apiKey,
      collectionName: "lcauto",
      embeddingDimensions: DIMENSIONS,
    };
    const store = await ZepVectorStore.fromTexts(
      ["vacation days are approved by your manager", "expense reports are due monthly"],
      [{ area: "hr" }, { area: "finance" }],
      new FakeEmbeddings(),
      config,
    );
    const engram = createEngramClient({ url: server.url, apiKey: server.apiKey });
    for (let tries = 0; tries < 200; tries += 1) {
      const collection = await engram.collections.get.query({ name: "lcauto" });
      if (collection.is_auto_embedded && collection.document_embedded_count === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const scored = await store.similaritySearchWithScore("expense reports monthly", 2);
    expect(scored.map(([document]) => document.pageContent)).toEqual([
      "expense reports are due monthly",
      "vacation days are approved by your manager",
    ]);
    expect(scored[0]![1]).toBeGreaterThan(scored[1]![1]);
    // The collection exists now and is auto-embedded: a new store on it accepts FakeEmbeddings.
    const again = new ZepVectorStore(new FakeEmbeddings(), config);
    expect((await again.similaritySearch("vacation manager", 1))[0]!.metadata).toEqual({ area: "hr" });
  });
});
