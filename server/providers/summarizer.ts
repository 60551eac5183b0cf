import { readFileSync } from "node:fs";
import path from "node:path";
import { type Config, ConfigError, config } from "../config";
import { type ExtractiveOptions, type SummaryLine, summarizeExtractively } from "./extractive";
import { type ChatUsage, chatCompletion, type EndpointOptions, ProviderError } from "./llm";
import { countTokens } from "./tokenizer";

export type { ExtractiveOptions, SummaryLine };

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

export function extractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  return {
    name: "extractive",
    summarize: async ({ previous, messages }) => summarizeExtractively(previous, messages, options),
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAI-compatible chat endpoint.

/** Where the default prompt lives, so it can be read and changed without touching code. */
export const defaultSummaryPromptFile = path.join(process.cwd(), "server", "providers", "summary-prompt.txt");

let defaultPrompt: string | undefined;
/** The default prompt: it asks the model to keep every specific fact (names, numbers, dates, preferences, commitments). */
export function defaultSummaryPrompt(): string {
  defaultPrompt ??= readFileSync(defaultSummaryPromptFile, "utf8");
  return defaultPrompt;
}

export interface OpenAiSummarizerOptions extends EndpointOptions {
  model: string;
  /** The model's context window in tokens; longer input is folded in several calls. */
  contextTokens: number;
  /** Longest summary the model may write. */
  maxTokens: number;
  /** Template with {{previous_summary}} and {{new_lines}}. */
  prompt?: string;
  /** Told the tokens each call spent. */
  onUsage?: (usage: ChatUsage) => void;
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
  const prompt = options.prompt ?? defaultSummaryPrompt();
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
          options.onUsage,
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

/** The summarizer the configuration names: an OpenAI-compatible endpoint when a base URL is set, else the built-in one. */
export function summarizerKind(settings: Config = config()): "openai" | "extractive" {
  return (
    settings.ENGRAM_SUMMARIZER_PROVIDER ?? (settings.ENGRAM_SUMMARIZER_BASE_URL ? "openai" : "extractive")
  );
}

/**
 * The OpenAI-compatible summarizer the configuration names, or undefined when it names the
 * extractive one; `onUsage` hears the tokens each call spends.
 */
export function openAiSummarizerFromConfig(
  extra: Pick<OpenAiSummarizerOptions, "onUsage"> = {},
  settings: Config = config(),
): Summarizer | undefined {
  if (summarizerKind(settings) !== "openai") return undefined;
  if (!settings.ENGRAM_SUMMARIZER_BASE_URL) {
    throw new ConfigError("ENGRAM_SUMMARIZER_BASE_URL is required when ENGRAM_SUMMARIZER_PROVIDER is openai");
  }
  return openAiSummarizer({
    baseUrl: settings.ENGRAM_SUMMARIZER_BASE_URL,
    apiKey: settings.ENGRAM_SUMMARIZER_API_KEY,
    model: settings.ENGRAM_SUMMARIZER_MODEL,
    timeoutMs: settings.ENGRAM_SUMMARIZER_TIMEOUT_MS,
    contextTokens: settings.ENGRAM_SUMMARIZER_CONTEXT_TOKENS,
    maxTokens: settings.ENGRAM_SUMMARIZER_MAX_TOKENS,
    prompt: promptOf(settings),
    ...extra,
  });
}

const cache = new WeakMap<Config, Summarizer>();

/**
 * The summarizer the configuration names: the OpenAI-compatible one when a base URL is set, else
 * the extractive one; both keep summaries within ENGRAM_SUMMARIZER_MAX_TOKENS.
 */
export function summarizerFromConfig(settings: Config = config()): Summarizer {
  const cached = cache.get(settings);
  if (cached) return cached;
  const summarizer =
    openAiSummarizerFromConfig({}, settings) ??
    extractiveSummarizer({ maxTokens: settings.ENGRAM_SUMMARIZER_MAX_TOKENS });
  cache.set(settings, summarizer);
  return summarizer;
}
