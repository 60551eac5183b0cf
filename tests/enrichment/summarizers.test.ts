import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nlp from "compromise";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, resetConfig } from "@/server/config";
import { extractEntities, extractEntitiesInSlices } from "@/server/providers/entities";
import { extractiveSummarizer, openAiSummarizer, summarizerFromConfig } from "@/server/providers/summarizer";
import { countTokens } from "@/server/providers/tokenizer";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";

const chatter = (fold: number) => [
  {
    role: "Guide",
    content: `The tram from Belem to Alfama takes about ${10 + fold} minutes on Sunday mornings.`,
  },
  { role: "Ana", content: `Is the ferry to Cacilhas crowded in the ${fold % 2 ? "evening" : "morning"}?` },
  {
    role: "Guide",
    content: `Expect lovely streets around Estrela; the bakeries close early when it rains, part ${fold}.`,
  },
  { role: "Ana", content: "Haha, fair enough." },
  {
    role: "Guide",
    content: `Many visitors skip the castle walls in Sintra, which is charming in week ${fold}.`,
  },
  { role: "Ana", content: "Thanks, that helps a lot!" },
];

describe("extractive summarizer", () => {
  it("keeps a planted fact through ten folds of chatter, within a tight budget", async () => {
    const summarizer = extractiveSummarizer({ maxTokens: 120 });
    let summary = await summarizer.summarize({
      messages: [
        {
          role: "Ana",
          content: "Oh, before I forget. My passport number ends in 4471, in case the hotel asks.",
        },
        ...chatter(0),
      ],
    });
    for (let fold = 1; fold <= 10; fold += 1) {
      summary = await summarizer.summarize({ previous: summary, messages: chatter(fold) });
      expect(countTokens(summary)).toBeLessThanOrEqual(120);
    }
    // The fact survives, its empty opener trimmed; chatter fills what is left.
    expect(summary).toMatch(/^Ana: My passport number ends in 4471, in case the hotel asks\.$/m);
    expect(summary.split("\n").length).toBeGreaterThan(1);
  });

  it("never lets a pleasantry displace a fact", async () => {
    const facts = [
      "I'm allergic to shellfish, quite badly.",
      "My sister Beatriz joins us on June 3.",
      "Our budget is 2,400 euros for the whole trip.",
    ];
    const summarizer = extractiveSummarizer({ maxTokens: 45 });
    const first = await summarizer.summarize({
      messages: facts.map((content) => ({ role: "Ana", content })),
    });
    let summary = first;
    for (let fold = 0; fold < 10; fold += 1) {
      summary = await summarizer.summarize({
        previous: summary,
        messages: [
          { role: "Bot", content: "Noted, thanks for telling me." },
          { role: "Ana", content: "Thank you so much, that sounds great!" },
          { role: "Bot", content: "Got it, I'll keep that in mind." },
          { role: "Ana", content: "Haha, okay, cool." },
          { role: "Bot", content: "You're welcome, happy to help." },
        ],
      });
    }
    expect(summary).toBe(first);
    for (const fact of facts) expect(summary).toContain(fact);
  });

  it("stays within its token budget, keeping the most specific sentences", async () => {
    const messages = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 ? "Bot" : "Ana",
      content:
        i % 10 === 0
          ? `My booking code number ${i} is QX-${1000 + i}.`
          : `The weather in Porto looks ${i % 3 ? "mild" : "grey"} on day ${i}, locals say.`,
    }));
    for (const maxTokens of [16, 64, 256, 1024]) {
      const summary = await extractiveSummarizer({ maxTokens }).summarize({ messages });
      expect(countTokens(summary)).toBeLessThanOrEqual(maxTokens);
    }
    // Twenty codes take about 300 tokens: with 400, every code and only some weather.
    const summary = await extractiveSummarizer({ maxTokens: 400 }).summarize({ messages });
    for (let i = 0; i < 200; i += 10) expect(summary).toContain(`QX-${1000 + i}`);
    expect(summary.split("\n").filter((line) => line.includes("weather")).length).toBeLessThan(10);
  });

  it("gives the same summary for the same input", async () => {
    const messages = [
      { role: "Ana", content: "My name is Ana Lima, I was born in Recife in 1990 and I work at Petrobras." },
      ...chatter(1),
      ...chatter(2),
    ];
    const once = await extractiveSummarizer({ maxTokens: 80 }).summarize({
      previous: "Ana: I prefer tea.",
      messages,
    });
    const again = await extractiveSummarizer({ maxTokens: 80 }).summarize({
      previous: "Ana: I prefer tea.",
      messages,
    });
    expect(again).toBe(once);
    expect(once).toContain("Ana: I prefer tea.");
  });

  it("merges near-duplicates and drops acknowledgements", async () => {
    const summary = await extractiveSummarizer().summarize({
      messages: [
        { role: "Ana", content: "ok" },
        { role: "Ana", content: "My sister Beatriz moved to Berlin in 2021." },
        { role: "Bot", content: "Noted, thanks for telling me." },
        { role: "Ana", content: "My sister Beatriz moved to Berlin in 2021!" },
      ],
    });
    expect(summary).toBe("Ana: My sister Beatriz moved to Berlin in 2021.");
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

  it("skips text whose only capitals start sentences or stand for the speaker, losing nothing the tagger finds", () => {
    const plain = [
      "I'm sorry about the cancellation. Your fare of 412.50 is refundable in full; I have opened the refund.",
      "Thanks! What time is it there? Sure, here's the code you asked for.",
      "We can do that. If it fails, let me know and I'll look again. The logs are in your inbox.",
    ];
    for (const text of plain) {
      const tagged = nlp(text);
      expect(
        [tagged.people(), tagged.places(), tagged.organizations()].map((list) => list.out("array")),
      ).toEqual([[], [], []]);
      expect(extractEntities(text)).toEqual([]);
    }
    // A name at the start of a sentence is still read.
    expect(extractEntities("Paris is lovely in spring. Thanks!")).toEqual([
      { Label: "GPE", Name: "Paris", Matches: [{ Start: 0, End: 5, Text: "Paris" }] },
    ]);
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
