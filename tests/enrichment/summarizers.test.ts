import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, resetConfig } from "@/server/config";
import { extractEntities, extractEntitiesInSlices } from "@/server/providers/entities";
import { extractiveSummarizer, openAiSummarizer, summarizerFromConfig } from "@/server/providers/summarizer";
import { countTokens } from "@/server/providers/tokenizer";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

describe("extractive summarizer", () => {
  it("keeps informative sentences, drops filler and near-duplicates, and stays within its bound", async () => {
    const summarizer = extractiveSummarizer({ maxTokens: 150 });
    const messages = [
      { role: "Ana", content: "ok" },
      { role: "Ana", content: "My sister Beatriz moved to Berlin in 2021." },
      { role: "Bot", content: "sounds good" },
      { role: "Ana", content: "My sister Beatriz moved to Berlin in 2021!" },
      ...Array.from({ length: 300 }, (_, i) => ({
        role: "Bot",
        content: `Option ${i} for Hotel Adlon costs ${100 + i} euros per night.`,
      })),
    ];
    const summary = await summarizer.summarize({ messages });
    expect(countTokens(summary)).toBeLessThanOrEqual(150);
    expect(summary.match(/Beatriz moved to Berlin/g)).toHaveLength(1);
    expect(summary).not.toMatch(/^Ana: ok$/m);
    expect(summary).not.toContain("sounds good");
  });

  it("carries the previous summary's facts through many folds", async () => {
    const summarizer = extractiveSummarizer();
    let summary = await summarizer.summarize({
      messages: [
        {
          role: "Ana",
          content: "My name is Ana Lima, I was born in Recife in 1990 and I work at Petrobras.",
        },
      ],
    });
    for (let fold = 0; fold < 50; fold += 1) {
      summary = await summarizer.summarize({
        previous: summary,
        messages: Array.from({ length: 10 }, (_, i) => ({
          role: "Bot",
          content: `Here is suggestion ${fold * 10 + i}, take it or leave it.`,
        })),
      });
    }
    expect(summary).toContain(
      "Ana: My name is Ana Lima, I was born in Recife in 1990 and I work at Petrobras.",
    );
  });

  it("never answers with nothing", async () => {
    const summary = await extractiveSummarizer().summarize({
      messages: [
        { role: "Ana", content: "" },
        { role: "Bot", content: "ok" },
      ],
    });
    expect(summary).toBe("Ana, Bot exchanged 2 messages.");
  });
});

describe("entities", () => {
  it("finds people, places and organizations with their positions", () => {
    const text = "Jane Doe flew to Paris to meet the team at Google.";
    const entities = extractEntities(text);
    expect(entities).toEqual(
      expect.arrayContaining([
        { Label: "PERSON", Name: "Jane Doe", Matches: [{ Start: 0, End: 8, Text: "Jane Doe" }] },
        { Label: "GPE", Name: "Paris", Matches: [{ Start: 17, End: 22, Text: "Paris" }] },
        expect.objectContaining({ Label: "ORG", Name: "Google" }),
      ]),
    );
    for (const entity of entities)
      for (const match of entity.Matches) expect(text.slice(match.Start, match.End)).toBe(match.Text);
    expect(extractEntities("nothing capitalized here")).toEqual([]);
  });

  it("reads long text a slice at a time, letting other work run between slices", async () => {
    const paragraph = "Jane Doe flew to Paris to meet the team at Google. ".repeat(40);
    const text = `${paragraph}Then Marco Rossi drove to Berlin. ${paragraph}`;
    let turns = 0;
    const entities = await extractEntitiesInSlices(text, async () => {
      turns += 1;
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(turns).toBeGreaterThan(1);
    const byName = new Map(entities.map((entity) => [`${entity.Label}:${entity.Name}`, entity]));
    // Every mention in every slice, at its position in the whole text.
    expect(byName.get("PERSON:Jane Doe")?.Matches).toHaveLength(80);
    expect(byName.get("GPE:Paris")?.Matches).toHaveLength(80);
    expect(byName.get("PERSON:Marco Rossi")?.Matches).toEqual([
      { Start: text.indexOf("Marco Rossi"), End: text.indexOf("Marco Rossi") + 11, Text: "Marco Rossi" },
    ]);
    expect(byName.has("GPE:Berlin")).toBe(true);
    for (const entity of entities)
      for (const match of entity.Matches) expect(text.slice(match.Start, match.End)).toBe(match.Text);
    // Short text is one slice, as extractEntities reads it.
    const short = "Jane Doe flew to Paris.";
    expect(await extractEntitiesInSlices(short, async () => {})).toEqual(extractEntities(short));
  });
});

describe("OpenAI-compatible summarizer", () => {
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  afterEach(() => {
    for (const name of [
      "ENGRAM_SUMMARIZER_BASE_URL",
      "ENGRAM_SUMMARIZER_PROMPT_FILE",
      "ENGRAM_SUMMARIZER_PROMPT",
      "ENGRAM_SUMMARIZER_MODEL",
    ]) {
      delete process.env[name];
    }
    resetConfig();
    stub.chatRequests.length = 0;
  });

  it("folds input longer than the model's context in several calls, carrying the summary along", async () => {
    const summarizer = openAiSummarizer({
      baseUrl: stub.url,
      model: "small",
      timeoutMs: 5_000,
      contextTokens: 700,
      maxTokens: 100,
    });
    const messages = Array.from({ length: 120 }, (_, i) => ({
      role: "Ana",
      content: `This is line number ${i} of a long talk.`,
    }));
    const result = await summarizer.summarize({ previous: "Earlier: Ana likes tea.", messages });
    expect(stub.chatRequests.length).toBeGreaterThan(2);
    expect(result).toBe(`Summary ${stub.chatRequests.length}`);
    expect(stub.chatRequests[0]!.prompt).toContain("Earlier: Ana likes tea.");
    stub.chatRequests.forEach((request, i) => {
      expect(countTokens(request.prompt)).toBeLessThanOrEqual(700 - 100);
      if (i > 0) expect(request.prompt).toContain(`Summary ${i}`);
    });
    for (const message of messages) {
      expect(stub.chatRequests.filter((r) => r.prompt.includes(`${message.content}\n`))).toHaveLength(1);
    }
  });

  it("takes its prompt from a file named in the configuration", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "engram-enrich-"));
    const file = path.join(folder, "prompt.txt");
    writeFileSync(file, "PREVIOUS={{previous_summary}}\nLINES={{new_lines}}\nSay it in French.");
    process.env.ENGRAM_SUMMARIZER_BASE_URL = stub.url;
    process.env.ENGRAM_SUMMARIZER_PROMPT_FILE = file;
    process.env.ENGRAM_SUMMARIZER_MODEL = "local-model";
    resetConfig();
    const summarizer = summarizerFromConfig();
    expect(summarizer.name).toBe("openai:local-model");
    await summarizer.summarize({ previous: "P", messages: [{ role: "Ana", content: "Bonjour" }] });
    expect(stub.chatRequests).toEqual([
      { model: "local-model", prompt: "PREVIOUS=P\nLINES=Ana: Bonjour\nSay it in French." },
    ]);
  });

  it("refuses a prompt without the new lines, or a file it cannot read", () => {
    process.env.ENGRAM_SUMMARIZER_BASE_URL = stub.url;
    process.env.ENGRAM_SUMMARIZER_PROMPT = "Summarize please.";
    resetConfig();
    expect(() => summarizerFromConfig()).toThrow(ConfigError);
    delete process.env.ENGRAM_SUMMARIZER_PROMPT;
    process.env.ENGRAM_SUMMARIZER_PROMPT_FILE = "/nonexistent/prompt.txt";
    resetConfig();
    expect(() => summarizerFromConfig()).toThrow(/ENGRAM_SUMMARIZER_PROMPT_FILE/);
  });

  it("defaults to the extractive summarizer with nothing configured", () => {
    resetConfig();
    expect(summarizerFromConfig().name).toBe("extractive");
  });
});
