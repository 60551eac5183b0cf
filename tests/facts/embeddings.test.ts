import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { resetConfig } from "@/server/config";
import { runUntilIdle } from "@/server/jobs/worker";
import { openAiFactExtractor } from "@/server/providers/facts";
import { backends, callerFor, useTestDatabase } from "../support/databases";
import { conceptEmbedding, type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

/** Words that mean the same thing share one strong dimension, as a real embedding model would. */
const concepts = [
  ["car", "sedan", "drives"],
  ["vacation", "journey", "trip"],
];

describe.each(backends)("facts with embeddings on %s", (backend) => {
  const t = useTestDatabase(backend, `facts_embeddings_${backend}`);
  let stub: OpenAiStub;

  beforeAll(async () => {
    stub = await startOpenAiStub();
    stub.embed = conceptEmbedding(concepts);
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => {
    process.env.ENGRAM_EMBEDDINGS_BASE_URL = stub.url;
    resetConfig();
  });
  afterEach(() => {
    delete process.env.ENGRAM_EMBEDDINGS_BASE_URL;
    resetConfig();
  });

  it("extracted and hand-added facts are embedded, and memory ranks them by meaning", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.sessions.create({ session_id: "s1", user_id: "jane" });
    await api.memory.add({
      sessionId: "s1",
      messages: [{ role: "Jane", role_type: "user", content: "My next journey is to Oslo." }],
    });
    stub.summarize = () =>
      JSON.stringify({
        operations: [{ type: "add", fact: "Jane's next journey is to Oslo.", rating: 0.3, sources: ["M1"] }],
      });
    await runUntilIdle(t.db, {
      factExtractor: openAiFactExtractor({
        baseUrl: stub.url,
        model: "stub",
        timeoutMs: 5_000,
        maxTokens: 256,
      }),
      factMinMessages: 1,
      window: 1_000,
    });
    await api.facts.addForUser({ userId: "jane", fact: "Jane drives a sedan.", rating: 0.9 });
    const rows = await queryRows<{ fact: string; dimensions: number }>(
      t.db,
      sql`select fact, array_length(embedding, 1) as dimensions from facts order by id`,
    );
    expect(rows).toEqual([
      { fact: "Jane's next journey is to Oslo.", dimensions: 32 },
      { fact: "Jane drives a sedan.", dimensions: 32 },
    ]);

    // No word in common with either fact: full text would rank them by rating (the sedan first).
    await api.memory.add({
      sessionId: "s1",
      messages: [{ role: "Jane", role_type: "user", content: "Any vacation ideas for me?" }],
    });
    await runUntilIdle(t.db, { factExtractor: undefined, window: 1_000 });
    const memory = await api.memory.get({ sessionId: "s1", lastn: 1 });
    expect(memory.relevant_facts.map((fact) => fact.fact)).toEqual([
      "Jane's next journey is to Oslo.",
      "Jane drives a sedan.",
    ]);
  });
});
