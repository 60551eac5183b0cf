/**
 * The recall benchmark: plants facts in generated conversations, feeds them to Engram turn by
 * turn through the memory service, lets the background worker summarize as it would in a server,
 * and measures what the memory an LLM would get (`memory.get` with `includeContext`) still holds.
 */
import type { Db } from "@/db/client";
import { runUntilIdle } from "@/server/jobs/worker";
import {
  openAiSummarizerFromConfig,
  type Summarizer,
  summarizerFromConfig,
} from "@/server/providers/summarizer";
import { countTokens } from "@/server/providers/tokenizer";
import type { Memory } from "@/server/schemas/memory";
import { addMemory, getMemory } from "@/server/services/memory";
import { search } from "@/server/services/search";
import { type Conversation, generateConversation, holdsIn, type PlantedFact } from "./conversations";

export const memoryTypes = ["message_window", "perpetual", "summary_retriever"] as const;
export const budgets = [500, 1_000, 2_000, undefined] as const;
export type Budget = (typeof budgets)[number];

/** What one memory (or baseline) held: the share of facts and its cost in tokens. */
export interface Measure {
  recall: number;
  tokens: number;
}

export interface ConversationResult {
  size: number;
  seed: number;
  facts: number;
  /** `${memoryType}@${budget ?? "none"}`, plus `last_n@…` and `transcript`. */
  memory: Record<string, Measure>;
  /** Share of facts whose message session search returns in the top 5 for a question about it. */
  searchTop5: number;
  /** Kinds of facts the default memory (message_window, no budget) lost, and the search missed. */
  lostFacts: string[];
  missedBySearch: string[];
  seconds: number;
}

export interface LlmUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

export interface EvalOptions {
  sizes: number[];
  /** The generator seeds to run for a conversation length. */
  seedsFor: (size: number) => number[];
  window: number;
  /** Summarizer to use; the configured one (extractive unless an endpoint is set) by default. */
  summarizer?: Summarizer;
  log?: (line: string) => void;
}

export const budgetLabel = (budget: Budget) => (budget === undefined ? "none" : String(budget));

function measure(context: string, facts: PlantedFact[]): Measure {
  const held = facts.filter((fact) => holdsIn(context, fact)).length;
  return { recall: facts.length === 0 ? 1 : held / facts.length, tokens: countTokens(context) };
}

const asContext = (memory: Memory) => memory.context ?? "";

/** Recent turns only, formatted as `memory.get` formats them (the last-N baseline). */
function turnsContext(memory: Memory): string {
  if (memory.messages.length === 0) return "";
  const turns = memory.messages.map((message) => {
    const speaker = message.role_type === "norole" ? message.role : `${message.role} (${message.role_type})`;
    return `${speaker}: ${message.content}`;
  });
  return `Recent messages:\n${turns.join("\n")}`;
}

/** The newest messages whose stored token counts fit the budget, or the window's worth without one. */
function newestWithin(all: Memory["messages"], budget: Budget, window: number): Memory["messages"] {
  if (budget === undefined) return all.slice(-window);
  let used = 0;
  let from = all.length;
  while (from > 0 && used + all[from - 1]!.token_count <= budget) {
    from -= 1;
    used += all[from]!.token_count;
  }
  return all.slice(from);
}

/** Feeds the conversation a turn at a time, running the worker as a server's would between turns. */
async function feed(
  db: Db,
  sessionId: string,
  conversation: Conversation,
  window: number,
  summarizer: Summarizer,
) {
  const uuids: string[] = [];
  const step = Math.max(1, Math.floor(window / 2));
  let sinceWorker = 0;
  for (let index = 0; index < conversation.messages.length; index += 2) {
    const turn = conversation.messages.slice(index, index + 2);
    const added = await addMemory(db, sessionId, { messages: turn }, "eval");
    uuids.push(...added.message_uuids);
    sinceWorker += turn.length;
    // Folds happen once `window` messages are unsummarized; running every window/2 messages
    // folds exactly as a worker that runs after every turn.
    if (sinceWorker >= step) {
      await runUntilIdle(db, {
        summarizer,
        factExtractor: undefined,
        entities: false,
        window,
        concurrency: 1,
      });
      sinceWorker = 0;
    }
  }
  await runUntilIdle(db, { summarizer, factExtractor: undefined, entities: false, window, concurrency: 1 });
  return uuids;
}

export async function evaluateConversation(
  db: Db,
  conversation: Conversation,
  options: { window: number; summarizer: Summarizer },
): Promise<ConversationResult> {
  const started = performance.now();
  const size = conversation.messages.length;
  const sessionId = `eval-${size}-${conversation.seed}`;
  const uuids = await feed(db, sessionId, conversation, options.window, options.summarizer);
  const facts = conversation.facts;

  const memory: Record<string, Measure> = {};
  let lostFacts: string[] = [];
  for (const memoryType of memoryTypes) {
    for (const budget of budgets) {
      const got = await getMemory(db, sessionId, { memoryType, maxTokens: budget, includeContext: true });
      const context = asContext(got);
      memory[`${memoryType}@${budgetLabel(budget)}`] = measure(context, facts);
      if (memoryType === "message_window" && budget === undefined)
        lostFacts = facts.filter((fact) => !holdsIn(context, fact)).map((fact) => fact.kind);
    }
  }
  // Baselines: the newest messages alone (those that fit the budget; the window's worth without
  // one), and the whole transcript.
  const transcript = await getMemory(db, sessionId, { lastn: size });
  for (const budget of budgets) {
    memory[`last_n@${budgetLabel(budget)}`] = measure(
      turnsContext({ ...transcript, messages: newestWithin(transcript.messages, budget, options.window) }),
      facts,
    );
  }
  memory.transcript = measure(turnsContext(transcript), facts);

  const missedBySearch: string[] = [];
  for (const fact of facts) {
    const results = await search(db, { sessionId, text: fact.question, limit: 5 });
    if (!results.some((result) => result.message?.uuid === uuids[fact.index])) missedBySearch.push(fact.kind);
  }

  return {
    size,
    seed: conversation.seed,
    facts: facts.length,
    memory,
    searchTop5: facts.length === 0 ? 1 : 1 - missedBySearch.length / facts.length,
    lostFacts,
    missedBySearch,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface EvalRun {
  summarizer: string;
  window: number;
  llmUsage?: LlmUsage;
  conversations: ConversationResult[];
}

/** The summarizer the configuration names, counting an endpoint's tokens when there is one. */
export function configuredSummarizer(usage: LlmUsage): Summarizer {
  return (
    openAiSummarizerFromConfig({
      onUsage: (spent) => {
        usage.calls += 1;
        usage.promptTokens += spent.promptTokens;
        usage.completionTokens += spent.completionTokens;
      },
    }) ?? summarizerFromConfig()
  );
}

export async function runEval(db: Db, options: EvalOptions): Promise<EvalRun> {
  const usage: LlmUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };
  const summarizer = options.summarizer ?? configuredSummarizer(usage);
  const conversations: ConversationResult[] = [];
  for (const size of options.sizes) {
    for (const seed of options.seedsFor(size)) {
      const result = await evaluateConversation(db, generateConversation(seed, size), {
        window: options.window,
        summarizer,
      });
      options.log?.(
        `${size} messages, seed ${seed}: message_window ${pct(result.memory["message_window@none"]!.recall)} ` +
          `(${result.memory["message_window@none"]!.tokens} tokens), perpetual ${pct(result.memory["perpetual@none"]!.recall)}, ` +
          `search top 5 ${pct(result.searchTop5)} (${result.seconds.toFixed(1)} s)`,
      );
      conversations.push(result);
    }
  }
  return {
    summarizer: summarizer.name,
    window: options.window,
    ...(usage.calls > 0 && { llmUsage: usage }),
    conversations,
  };
}

export const pct = (share: number) => `${Math.round(share * 100)} %`;

/** Mean of a memory configuration over a size's seeds. */
export function meanOf(run: EvalRun, size: number, key: string): Measure {
  const rows = run.conversations.filter((row) => row.size === size);
  const mean = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    recall: mean(rows.map((row) => row.memory[key]!.recall)),
    tokens: Math.round(mean(rows.map((row) => row.memory[key]!.tokens))),
  };
}

export function searchMean(run: EvalRun, size: number): number {
  const rows = run.conversations.filter((row) => row.size === size);
  return rows.reduce((sum, row) => sum + row.searchTop5, 0) / Math.max(1, rows.length);
}

/** Minimum recall of the default memory (no budget) per conversation length, and the token cap. */
export const targets = {
  tokens: 1_500,
  recall: new Map([
    [120, 0.9],
    [1_000, 0.8],
  ]),
  searchTop5: 0.9,
};

/** The targets the run misses, as sentences; empty when it meets them all. */
export function missedTargets(run: EvalRun): string[] {
  const missed: string[] = [];
  const sizes = [...new Set(run.conversations.map((row) => row.size))];
  for (const size of sizes) {
    const floor = targets.recall.get(size);
    if (floor !== undefined) {
      for (const memoryType of ["message_window", "perpetual"]) {
        const measured = meanOf(run, size, `${memoryType}@none`);
        if (measured.recall < floor)
          missed.push(`${memoryType}, ${size} messages: recall ${pct(measured.recall)} < ${pct(floor)}`);
        if (measured.tokens > targets.tokens)
          missed.push(`${memoryType}, ${size} messages: ${measured.tokens} tokens > ${targets.tokens}`);
      }
      const lastN = meanOf(run, size, "last_n@none").recall;
      const window = meanOf(run, size, "message_window@none").recall;
      if (window <= lastN && lastN < 1)
        missed.push(`${size} messages: message_window does not beat the last-N baseline`);
    }
    const found = searchMean(run, size);
    if (found < targets.searchTop5)
      missed.push(`search, ${size} messages: top 5 ${pct(found)} < ${pct(targets.searchTop5)}`);
  }
  return missed;
}
