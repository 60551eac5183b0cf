import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateConversation, holdsIn } from "@/bench/eval/conversations";
import { meanOf, missedTargets, runEval, searchMean, targets } from "@/bench/eval/recall";
import { type Database, openDatabase } from "@/db/client";
import { resetConfig } from "@/server/config";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

// The recall benchmark's quick mode (one seed, 120 messages) on the real services, worker and
// database: a change that makes memory or search worse fails here.
describe("memory quality (npm run eval -- --quick)", () => {
  let database: Database;
  let stub: OpenAiStub;
  beforeAll(async () => {
    resetConfig();
    database = await openDatabase({ dataDir: "memory://" });
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
    await database.close();
  });

  it("keeps the planted facts within the targets with the default summarizer", async () => {
    const run = await runEval(database.db, { sizes: [120], seedsFor: () => [1], window: 12 });
    expect(run.summarizer).toBe("extractive");
    expect(missedTargets(run)).toEqual([]);
    const memory = meanOf(run, 120, "message_window@none");
    expect(memory.recall).toBeGreaterThanOrEqual(targets.recall.get(120)!);
    expect(memory.tokens).toBeLessThanOrEqual(targets.tokens);
    expect(meanOf(run, 120, "perpetual@none").recall).toBeGreaterThanOrEqual(memory.recall);
    expect(searchMean(run, 120)).toBeGreaterThanOrEqual(targets.searchTop5);
    // The baselines bound it: the last messages alone hold few facts, the transcript all at a far higher cost.
    expect(meanOf(run, 120, "last_n@none").recall).toBeLessThan(0.5);
    const transcript = meanOf(run, 120, "transcript");
    expect(transcript.recall).toBe(1);
    expect(transcript.tokens).toBeGreaterThan(3 * memory.tokens);
  });

  it("runs an OpenAI-compatible summarizer given by the environment, counts its tokens, and fails a memory that forgets", async () => {
    process.env.ENGRAM_SUMMARIZER_BASE_URL = stub.url;
    process.env.ENGRAM_SUMMARIZER_MODEL = "stub-model";
    resetConfig();
    // A model that keeps only the last line it is given: most facts are lost.
    stub.summarize = (request) =>
      request.prompt
        .split("\n")
        .filter((line) => line.startsWith("Jane: "))
        .at(-1) ?? "-";
    try {
      const run = await runEval(database.db, { sizes: [120], seedsFor: () => [2], window: 12 });
      expect(run.summarizer).toBe("openai:stub-model");
      expect(run.llmUsage!.calls).toBe(stub.chatRequests.length);
      expect(run.llmUsage!.calls).toBeGreaterThan(10);
      expect(run.llmUsage!.promptTokens).toBeGreaterThan(100 * run.llmUsage!.calls);
      expect(run.llmUsage!.completionTokens).toBeGreaterThan(0);
      // The default prompt asks the model to keep specific facts.
      expect(stub.chatRequests[0]!.prompt).toContain("Keep every specific fact");
      expect(meanOf(run, 120, "message_window@none").recall).toBeLessThan(0.5);
      expect(missedTargets(run)).toContainEqual(
        expect.stringMatching(/^message_window, 120 messages: recall/),
      );
    } finally {
      delete process.env.ENGRAM_SUMMARIZER_BASE_URL;
      delete process.env.ENGRAM_SUMMARIZER_MODEL;
      resetConfig();
    }
  });

  it("generates the same conversation for a seed, with every fact's key said once", () => {
    const conversation = generateConversation(7, 1_000);
    expect(generateConversation(7, 1_000)).toEqual(conversation);
    expect(conversation.messages).toHaveLength(1_000);
    expect(new Set(conversation.messages.map((message) => message.content)).size).toBe(1_000);
    expect(conversation.facts).toHaveLength(20);
    for (const fact of conversation.facts) {
      const holding = conversation.messages.filter((message) => holdsIn(message.content, fact));
      expect(holding).toEqual([conversation.messages[fact.index]]);
    }
  });
});
