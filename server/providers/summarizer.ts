import { readFileSync } from "node:fs";
import { type Config, ConfigError, config } from "../config";
import { chatCompletion, type EndpointOptions, ProviderError } from "./llm";
import { countTokens } from "./tokenizer";

/** A message as the summarizer sees it. */
export interface SummaryLine {
  role: string;
  content: string;
}

export interface SummarizeInput {
  /** The summary so far, if any; the new one must carry its facts forward. */
  previous?: string;
  /** The messages to fold in, oldest first. */
  messages: SummaryLine[];
}

/** Folds messages into a running summary. */
export interface Summarizer {
  readonly name: string;
  summarize(input: SummarizeInput): Promise<string>;
}

// ---------------------------------------------------------------------------------------------
// Extractive: no network, no model. Keeps the most informative sentences (names, numbers, facts
// about the speaker), carries the previous summary's sentences forward with a bonus, and drops
// near-duplicates, within a bounded length.

export interface ExtractiveOptions {
  maxChars?: number;
  maxSentences?: number;
}

const stopWords = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have " +
    "having he her here hers herself him himself his how i if in into is it its itself just let me more " +
    "most my myself no nor not now of off on once only or other our ours ourselves out over own same she " +
    "should so some such than that the their theirs them themselves then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with " +
    "would you your yours yourself yourselves yes yeah ok okay oh hi hello hey thanks thank please sure " +
    "really also well like get got know think going go im i'm it's that's dont don't can't " +
    "good great fine cool nice sounds right alright noted meet glad"
  ).split(" "),
);

/** Words that mark a statement about the speaker, which tend to be the facts worth keeping. */
const factMarkers =
  /\b(my|i am|i'm|i live|i work|i was|i have|i've|favorite|favourite|prefer|allergic|born|birthday|name is)\b/i;

interface Candidate {
  text: string;
  words: Set<string>;
  fromPrevious: boolean;
  order: number;
  base: number;
  score: number;
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const maxSentenceChars = 320;

function splitSentences(content: string): string[] {
  return content
    .split(/\n+|(?<=[.!?…])\s+(?=["'“(\p{Lu}\p{N}])/u)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

/** Scores one sentence; `speaker` is the "Name: " prefix, which counts for nothing. */
function candidate(speaker: string, sentence: string, fromPrevious: boolean, order: number): Candidate {
  const text = `${speaker}${sentence}`;
  const tokens = sentence.match(wordPattern) ?? [];
  const words = new Set<string>();
  let properNouns = 0;
  let numbers = 0;
  tokens.forEach((token, index) => {
    const lower = token.toLowerCase();
    if (/\p{N}/u.test(token)) numbers += 1;
    // A capital that does not start the sentence is a name.
    else if (index > 0 && /^\p{Lu}/u.test(token) && lower !== "i") properNouns += 1;
    if (lower.length > 2 && !stopWords.has(lower)) words.add(lower);
  });
  let base = 2 * Math.min(properNouns, 4) + 2 * Math.min(numbers, 3) + 0.5 * Math.min(words.size, 12);
  if (factMarkers.test(sentence)) base += 1.5;
  if (sentence.endsWith("?")) base *= 0.6;
  if (words.size < 2) base = 0;
  // What the summary already holds carries over unless something clearly more informative comes.
  if (fromPrevious) base *= 1.25;
  return { text, words, fromPrevious, order, base, score: base };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

export function extractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  const maxChars = options.maxChars ?? 2_400;
  const maxSentences = options.maxSentences ?? 24;
  return {
    name: "extractive",
    async summarize({ previous, messages }) {
      const candidates: Candidate[] = [];
      for (const line of (previous ?? "").split("\n")) {
        const [, speaker = "", sentence = ""] = /^([^:\n]{1,80}: )?(.*)$/.exec(line.trim()) ?? [];
        if (sentence) candidates.push(candidate(speaker, sentence, true, candidates.length));
      }
      for (const message of messages) {
        for (const sentence of splitSentences(message.content)) {
          const clipped =
            sentence.length > maxSentenceChars ? `${sentence.slice(0, maxSentenceChars - 1)}…` : sentence;
          candidates.push(candidate(`${message.role}: `, clipped, false, candidates.length));
        }
      }

      // Words many sentences share are what the conversation is about.
      const frequency = new Map<string, number>();
      for (const { words } of candidates)
        for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
      for (const item of candidates) {
        if (item.base === 0) continue;
        let central = 0;
        for (const word of item.words) central += Math.log2(frequency.get(word)!);
        item.score = item.base + central / Math.sqrt(item.words.size);
      }

      const chosen: Candidate[] = [];
      let length = 0;
      const ranked = candidates
        .filter((item) => item.score > 0)
        .sort((a, b) => b.score - a.score || a.order - b.order);
      for (const item of ranked) {
        if (chosen.length >= maxSentences) break;
        if (length + item.text.length + 1 > maxChars) continue;
        if (chosen.some((kept) => overlap(kept.words, item.words) >= 0.8)) continue;
        chosen.push(item);
        length += item.text.length + 1;
      }
      if (chosen.length === 0) {
        if (previous?.trim()) return previous.trim();
        const speakers = [...new Set(messages.map((message) => message.role))].join(", ");
        return `${speakers} exchanged ${messages.length} message${messages.length === 1 ? "" : "s"}.`;
      }
      return chosen
        .sort((a, b) => a.order - b.order)
        .map((item) => item.text)
        .join("\n");
    },
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAI-compatible chat endpoint.

export const defaultSummaryPrompt = `You keep a running summary of a conversation so that an assistant can continue it without the full transcript.

Current summary:
{{previous_summary}}

New lines of the conversation:
{{new_lines}}

Write the new summary: extend the current summary with the new lines, keep every fact that matters (names, places, dates, numbers, preferences, decisions, open questions), stay concise, and reply with the summary only.`;

export interface OpenAiSummarizerOptions extends EndpointOptions {
  model: string;
  /** The model's context window in tokens; longer input is folded in several calls. */
  contextTokens: number;
  /** Longest summary the model may write. */
  maxTokens: number;
  /** Template with {{previous_summary}} and {{new_lines}}. */
  prompt?: string;
}

function render(prompt: string, previous: string, lines: string[]): string {
  return prompt
    .replaceAll("{{previous_summary}}", previous || "(none yet)")
    .replaceAll("{{new_lines}}", lines.join("\n"));
}

/** Cuts `text` to at most `budget` tokens. */
function clipToTokens(text: string, budget: number): string {
  let end = Math.min(text.length, budget * 4);
  while (end > 0 && countTokens(text.slice(0, end)) > budget) end = Math.floor(end * 0.8);
  return end < text.length ? `${text.slice(0, end)}…` : text;
}

export function openAiSummarizer(options: OpenAiSummarizerOptions): Summarizer {
  const prompt = options.prompt ?? defaultSummaryPrompt;
  if (!prompt.includes("{{new_lines}}"))
    throw new ConfigError("the summary prompt must contain {{new_lines}}");
  const promptTokens = countTokens(render(prompt, "", []));
  return {
    name: `openai:${options.model}`,
    async summarize({ previous, messages }) {
      const lines = messages.map((message) => `${message.role}: ${message.content}`);
      let summary = previous ?? "";
      let next = 0;
      // Fold as many lines as the context holds per call, carrying the summary from call to call.
      while (next < lines.length) {
        const budget = options.contextTokens - options.maxTokens - promptTokens - countTokens(summary) - 16;
        if (budget < 32) {
          throw new ProviderError("the summarizer's context is too small for its prompt and summary");
        }
        const chunk: string[] = [];
        let used = 0;
        while (next < lines.length) {
          const tokens = countTokens(lines[next]!) + 1;
          if (chunk.length > 0 && used + tokens > budget) break;
          chunk.push(tokens > budget ? clipToTokens(lines[next]!, budget - 1) : lines[next]!);
          used += tokens;
          next += 1;
        }
        summary = await chatCompletion(
          options,
          [{ role: "user", content: render(prompt, summary, chunk) }],
          options.maxTokens,
        );
      }
      return summary;
    },
  };
}

// ---------------------------------------------------------------------------------------------

function promptOf(settings: Config): string | undefined {
  if (settings.ENGRAM_SUMMARIZER_PROMPT) return settings.ENGRAM_SUMMARIZER_PROMPT;
  if (!settings.ENGRAM_SUMMARIZER_PROMPT_FILE) return undefined;
  try {
    return readFileSync(settings.ENGRAM_SUMMARIZER_PROMPT_FILE, "utf8");
  } catch (error) {
    throw new ConfigError(`ENGRAM_SUMMARIZER_PROMPT_FILE: cannot read it (${(error as Error).message})`);
  }
}

const cache = new WeakMap<Config, Summarizer>();

/** The summarizer the configuration names: the OpenAI-compatible one when a base URL is set. */
export function summarizerFromConfig(settings: Config = config()): Summarizer {
  const cached = cache.get(settings);
  if (cached) return cached;
  const kind =
    settings.ENGRAM_SUMMARIZER_PROVIDER ?? (settings.ENGRAM_SUMMARIZER_BASE_URL ? "openai" : "extractive");
  let summarizer: Summarizer;
  if (kind === "openai") {
    if (!settings.ENGRAM_SUMMARIZER_BASE_URL) {
      throw new ConfigError(
        "ENGRAM_SUMMARIZER_BASE_URL is required when ENGRAM_SUMMARIZER_PROVIDER is openai",
      );
    }
    summarizer = openAiSummarizer({
      baseUrl: settings.ENGRAM_SUMMARIZER_BASE_URL,
      apiKey: settings.ENGRAM_SUMMARIZER_API_KEY,
      model: settings.ENGRAM_SUMMARIZER_MODEL,
      timeoutMs: settings.ENGRAM_SUMMARIZER_TIMEOUT_MS,
      contextTokens: settings.ENGRAM_SUMMARIZER_CONTEXT_TOKENS,
      maxTokens: settings.ENGRAM_SUMMARIZER_MAX_TOKENS,
      prompt: promptOf(settings),
    });
  } else {
    summarizer = extractiveSummarizer();
  }
  cache.set(settings, summarizer);
  return summarizer;
}
