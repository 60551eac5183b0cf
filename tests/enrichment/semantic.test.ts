import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/server/config";
import { requeueUnembedded } from "@/server/jobs/enrich";
import { runUntilIdle } from "@/server/jobs/worker";
import { backends, callerFor, useTestDatabase } from "../support/databases";
import { conceptEmbedding, type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

/** Words that mean the same thing share one strong dimension, as a real embedding model would. */
const concepts = [
  ["car", "automobile", "sedan", "vehicle", "cars"],
  ["doctor", "physician", "clinic", "medic"],
  ["dog", "puppy", "canine", "hound"],
  ["holiday", "vacation", "trip", "journey"],
  ["pasta", "recipe", "sauce", "basil", "garlic", "tomatoes", "cooking"],
];

describe.each(backends)("semantic search and retrieval on %s", (backend) => {
  const t = useTestDatabase(backend, `enrich_semantic_${backend}`);
  let stub: OpenAiStub;

  const configureEmbedder = (on: boolean) => {
    if (on) process.env.ENGRAM_EMBEDDINGS_BASE_URL = stub.url;
    else delete process.env.ENGRAM_EMBEDDINGS_BASE_URL;
    resetConfig();
  };

  beforeAll(async () => {
    stub = await startOpenAiStub();
    stub.embed = conceptEmbedding(concepts);
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => {
    stub.mode = "ok";
    configureEmbedder(true);
  });
  afterEach(() => configureEmbedder(false));

  async function seed() {
    const api = await callerFor(t.db);
    await api.memory.add({
      sessionId: "chat",
      messages: [
        { role: "Jane", content: "I finally bought a sedan last week, a blue one." },
        { role: "Bot", content: "Congratulations! How does it drive?" },
        { role: "Jane", content: "My puppy chewed the sofa again this morning." },
        { role: "Bot", content: "The weather is sunny today, good for a walk." },
        { role: "Jane", content: "The pasta recipe needs basil and garlic." },
        { role: "Jane", content: "The pasta recipe needs basil and garlic!" },
        { role: "Jane", content: "The pasta recipe needs fresh basil and garlic." },
        { role: "Bot", content: "For the pasta sauce, ripe tomatoes and olive oil work best." },
      ],
    });
    expect((await runUntilIdle(t.db, { window: 100 })).outcomes.done).toBe(1);
    return api;
  }

  it("hybrid search finds a paraphrase that lexical search misses", async () => {
    const api = await seed();
    configureEmbedder(false);
    const lexical = await api.search.query({ sessionId: "chat", text: "automobile", limit: 3 });
    expect(lexical.some((result) => result.message?.content.includes("sedan"))).toBe(false);

    configureEmbedder(true);
    const hybrid = await api.search.query({ sessionId: "chat", text: "automobile", limit: 3 });
    expect(hybrid[0]!.message!.content).toContain("sedan");
    expect(hybrid[0]!.score).toBeGreaterThan(0.5);

    // Lexical matches still come first when they exist.
    const both = await api.search.query({ sessionId: "chat", text: "puppy sofa", limit: 3 });
    expect(both[0]!.message!.content).toContain("puppy chewed the sofa");
  });

  it("MMR removes near-duplicates", async () => {
    const api = await seed();
    const query = { sessionId: "chat", text: "pasta recipe basil", limit: 2 };
    const similar = await api.search.query(query);
    expect(similar.map((r) => r.message!.content).filter((c) => c.includes("recipe needs"))).toHaveLength(2);

    const diverse = await api.search.query({ ...query, search_type: "mmr", mmr_lambda: 0.5 });
    const contents = diverse.map((r) => r.message!.content);
    expect(contents).toHaveLength(2);
    expect(contents[0]).toContain("recipe needs");
    expect(contents[1]).toBe("For the pasta sauce, ripe tomatoes and olive oil work best.");

    // λ = 1 is plain relevance: the near-duplicates come back.
    const relevanceOnly = await api.search.query({ ...query, search_type: "mmr", mmr_lambda: 1 });
    expect(
      relevanceOnly.map((r) => r.message!.content).filter((c) => c.includes("recipe needs")),
    ).toHaveLength(2);
  });

  it("summary search and summary_retriever memory rank summaries by meaning", async () => {
    const api = await seed();
    const all = (await api.messages.list({ sessionId: "chat" })).messages;
    await api.memory.addSummary({
      sessionId: "chat",
      content: "Jane talked about her new sedan and how it drives.",
      recent_message_uuid: all[1]!.uuid,
    });
    await api.memory.addSummary({
      sessionId: "chat",
      content: "Jane's puppy chewed furniture; the bot suggested a walk.",
      recent_message_uuid: all[3]!.uuid,
    });
    await api.memory.add({
      sessionId: "chat",
      messages: [{ role: "Jane", content: "Which automobile insurance is best?" }],
    });
    await runUntilIdle(t.db, { window: 100 });

    const found = await api.search.query({
      sessionId: "chat",
      text: "vehicle",
      search_scope: "summary",
      limit: 2,
    });
    expect(found[0]!.summary!.content).toContain("sedan");

    const memory = await api.memory.get({ sessionId: "chat", memoryType: "summary_retriever", lastn: 1 });
    expect(memory.relevant_summaries!.map((s) => s.content)).toEqual([
      "Jane talked about her new sedan and how it drives.",
      "Jane's puppy chewed furniture; the bot suggested a walk.",
    ]);

    // Without an embedder, the same question finds no word in common: the newest summary leads.
    configureEmbedder(false);
    const lexical = await api.memory.get({ sessionId: "chat", memoryType: "summary_retriever", lastn: 1 });
    expect(lexical.relevant_summaries![0]!.content).toContain("puppy");
  });

  it("messages enriched before an embedder was configured get embedded once it is", async () => {
    configureEmbedder(false);
    const api = await callerFor(t.db);
    await api.memory.add({
      sessionId: "chat",
      messages: [{ role: "Jane", content: "My puppy is called Rex." }],
    });
    await runUntilIdle(t.db);
    expect((await api.enrichment.status({ sessionId: "chat" })).state).toBe("up_to_date");

    configureEmbedder(true);
    expect(await requeueUnembedded(t.db)).toBe(1);
    expect((await api.enrichment.status({ sessionId: "chat" })).unenriched_messages).toBe(1);
    await runUntilIdle(t.db);
    const found = await api.search.query({ sessionId: "chat", text: "canine", limit: 1 });
    expect(found[0]!.message!.content).toBe("My puppy is called Rex.");
    expect(await requeueUnembedded(t.db)).toBe(0);
  });

  it("an embeddings endpoint that fails leaves the session failing, then recovers", async () => {
    const api = await callerFor(t.db);
    stub.mode = "unavailable";
    await api.memory.add({
      sessionId: "chat",
      messages: [{ role: "Jane", content: "My dog is called Rex." }],
    });
    await runUntilIdle(t.db);
    const failing = await api.enrichment.status({ sessionId: "chat" });
    expect(failing).toMatchObject({ state: "failing", attempts: 1, unenriched_messages: 1 });
    expect(failing.last_error).toMatch(/embeddings endpoint answered HTTP 503/);

    stub.mode = "ok";
    await runUntilIdle(t.db, { clockOffsetMs: 3_600_000 });
    expect(await api.enrichment.status({ sessionId: "chat" })).toMatchObject({
      state: "up_to_date",
      attempts: 0,
    });
    const found = await api.search.query({ sessionId: "chat", text: "canine", limit: 1 });
    expect(found[0]!.message!.content).toBe("My dog is called Rex.");
  });
});
