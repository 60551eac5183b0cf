import { type Config, config } from "../config";
import { extractionReplySchema, type FactOperation, factsChatCompletionReply } from "../schemas/providers";
import { type EndpointOptions, ProviderError, postJson } from "./llm";
import { summarizerKind } from "./summarizer";

/** A known fact as the extractor sees it, under a short id (`F1`…). */
export interface KnownFact {
  id: string;
  fact: string;
  pinned: boolean;
}

/** A new message as the extractor sees it, under a short id (`M1`…). */
export interface NewMessage {
  id: string;
  role: string;
  content: string;
}

export interface ExtractInput {
  known: KnownFact[];
  messages: NewMessage[];
  /** The user's or session's guidance on what makes a fact important. */
  ratingInstruction?: string;
}

export interface FactExtractor {
  readonly name: string;
  extract(input: ExtractInput): Promise<FactOperation[]>;
}

export const factsPrompt = `You maintain the facts an assistant knows about a user: short, self-contained sentences that stay useful later (identity, relationships, places, dates, numbers, preferences, plans, commitments, constraints). Ignore chatter, questions and the assistant's own suggestions.

Known facts (id: fact):
{{facts}}

New messages (id: speaker: text):
{{messages}}

{{rating_instruction}}Reply with JSON only, of this form:
{"operations": [
  {"type": "add", "fact": "<one sentence, naming the person>", "rating": <importance 0 to 1>, "sources": ["M1"]},
  {"type": "restate", "fact_id": "F1", "sources": ["M2"]},
  {"type": "invalidate", "fact_id": "F2", "sources": ["M3"], "replaced_by": "<the added fact that replaces it, if any>"}
]}
"add" a fact the new messages state that no known fact says; "restate" a known fact the messages say again (never add it twice); "invalidate" a known fact the messages show is no longer true, and "add" what is true now. Sources are the ids of the messages that say it. {"operations": []} when there is nothing to record.`;

function render(input: ExtractInput): string {
  const known = input.known.length
    ? input.known.map((fact) => `${fact.id}: ${fact.fact}`).join("\n")
    : "(none yet)";
  const lines = input.messages
    .map((message) => `${message.id}: ${message.role}: ${message.content}`)
    .join("\n");
  const instruction = input.ratingInstruction ? `How to rate importance: ${input.ratingInstruction}\n\n` : "";
  return factsPrompt
    .replace("{{facts}}", () => known)
    .replace("{{messages}}", () => lines)
    .replace("{{rating_instruction}}", () => instruction);
}

/** The model's text as operations; anything that is not exactly that is the provider's failure. */
export function parseOperations(content: string, what = "the fact extractor"): FactOperation[] {
  // Models often wrap JSON in a Markdown fence despite being asked not to.
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    throw new ProviderError(`${what} answered with something other than JSON: ${content.slice(0, 200)}`);
  }
  const parsed = extractionReplySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProviderError(
      `${what} answered with invalid operations (${issue.path.join(".") || "reply"}: ${issue.message})`,
    );
  }
  return parsed.data.operations;
}

export interface OpenAiFactExtractorOptions extends EndpointOptions {
  model: string;
  maxTokens: number;
}

export function openAiFactExtractor(options: OpenAiFactExtractorOptions): FactExtractor {
  const what = "the fact extractor";
  return {
    name: `openai:${options.model}`,
    async extract(input) {
      const reply = factsChatCompletionReply.safeParse(
        await postJson(
          options,
          "chat/completions",
          {
            model: options.model,
            messages: [{ role: "user", content: render(input) }],
            max_tokens: options.maxTokens,
            response_format: { type: "json_object" },
            temperature: 0,
          },
          what,
        ),
      );
      if (!reply.success) throw new ProviderError(`${what} answered without a completion`);
      return parseOperations(reply.data.choices[0]!.message.content, what);
    },
  };
}

/** Why fact extraction is off under this configuration, or undefined when it is on. */
export function factExtractionOffReason(settings: Config = config()): string | undefined {
  if (settings.ENGRAM_FACTS === "off") return "ENGRAM_FACTS is off";
  const summarizerIsLlm = summarizerKind(settings) === "openai";
  if (!settings.ENGRAM_FACTS_BASE_URL && !(summarizerIsLlm && settings.ENGRAM_SUMMARIZER_BASE_URL)) {
    return "no LLM is configured: set ENGRAM_FACTS_BASE_URL or ENGRAM_SUMMARIZER_BASE_URL";
  }
  return undefined;
}

const cache = new WeakMap<Config, FactExtractor | null>();

/** The configured extractor: its own endpoint, else the summarizer's; undefined when off. */
export function factExtractorFromConfig(settings: Config = config()): FactExtractor | undefined {
  if (!cache.has(settings)) {
    let extractor: FactExtractor | null = null;
    if (!factExtractionOffReason(settings)) {
      const own = settings.ENGRAM_FACTS_BASE_URL !== undefined;
      extractor = openAiFactExtractor({
        baseUrl: own ? settings.ENGRAM_FACTS_BASE_URL! : settings.ENGRAM_SUMMARIZER_BASE_URL!,
        apiKey: own ? settings.ENGRAM_FACTS_API_KEY : settings.ENGRAM_SUMMARIZER_API_KEY,
        model: settings.ENGRAM_FACTS_MODEL ?? settings.ENGRAM_SUMMARIZER_MODEL,
        timeoutMs: settings.ENGRAM_FACTS_TIMEOUT_MS,
        maxTokens: settings.ENGRAM_FACTS_MAX_TOKENS,
      });
    }
    cache.set(settings, extractor);
  }
  return cache.get(settings) ?? undefined;
}
