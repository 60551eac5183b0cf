import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Db, openDatabase } from "@/db/client";
import { facts } from "@/db/schema";
import { runUntilIdle } from "@/server/jobs/worker";
import { openAiFactExtractor } from "@/server/providers/facts";
import { countTokens } from "@/server/providers/tokenizer";
import { addMemory, getMemory } from "@/server/services/memory";
import { createUser } from "@/server/services/users";
import { startOpenAiStub } from "../tests/support/openai-stub";
import { round, summarise } from "./stats";

/*
 * Facts: what extraction costs in model calls and tokens per 1,000 messages (counted at the local
 * OpenAI-protocol stub), and what 1,000 facts per user cost get memory (service call on Postgres).
 */

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    database: { type: "string", default: "engram_bench_facts" },
  },
  strict: false,
});
const quick = Boolean(args.quick);
const seconds = quick ? 1 : 5;
const adminUrl = process.env.ENGRAM_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(adminUrl).hostname)) {
  throw new Error("ENGRAM_BENCH_ADMIN_URL must point at a loopback address");
}
const database = String(args.database);
if (!/^[a-z0-9_]+$/.test(database)) throw new Error("database name: lowercase letters, digits and _ only");

const log = (message: string) => process.stdout.write(`${message}\n`);
const actor = "bench";

async function freshDatabase(): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A user's turn that states something worth keeping every other turn, like a real chat. */
const userLine = (session: number, turn: number) =>
  turn % 2 === 0
    ? `By the way, my order number ${session}-${turn} ships to Lisbon and I prefer delivery after 6 pm.`
    : `Thanks, can you check on the status of the refund for ticket ${session}-${turn}?`;

/** The stub model: one new fact per message that states one, restating nothing. */
function modelAnswer(prompt: string): string {
  const operations = [];
  for (const line of prompt.split("\n")) {
    const match = /^(M\d+): \S+ \(user\): By the way, my order number (\S+) ships/.exec(line);
    if (match) {
      operations.push({
        type: "add",
        fact: `The customer's order ${match[2]} ships to Lisbon.`,
        rating: 0.6,
        sources: [match[1]],
      });
    }
  }
  return JSON.stringify({ operations });
}

interface ExtractionCost {
  mode: string;
  messages: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  facts: number;
}

/** How the worker meets the messages: after every turn (at a minimum batch), or all at the end. */
const modes = [
  { name: "every turn", afterEachTurn: true, factMinMessages: 1 },
  { name: "4 messages", afterEachTurn: true, factMinMessages: 4 },
  { name: "backlog", afterEachTurn: false, factMinMessages: 1 },
] as const;

/** Adds 1,000 messages in turns of two (ten sessions), running the worker as `mode` says. */
async function extractionCost(
  db: Db,
  stubUrl: string,
  stub: Awaited<ReturnType<typeof startOpenAiStub>>,
  mode: (typeof modes)[number],
): Promise<ExtractionCost> {
  const sessions = 10;
  const turnsPerSession = 50;
  const factExtractor = openAiFactExtractor({
    baseUrl: stubUrl,
    model: "stub",
    timeoutMs: 30_000,
    maxTokens: 1_024,
  });
  // No pause long enough during the run; the last round reads what is left.
  const worker = (factQuietMs = 3_600_000) =>
    runUntilIdle(db, {
      factExtractor,
      embedder: undefined,
      entities: false,
      window: 10_000,
      factMinMessages: mode.factMinMessages,
      factQuietMs,
    });
  await db.execute(
    sql`truncate facts, fact_changes, fact_extraction, session_enrichment, messages, sessions, users cascade`,
  );
  stub.chatRequests.length = 0;
  const completions: string[] = [];
  stub.summarize = (request) => {
    const answer = modelAnswer(request.prompt);
    completions.push(answer);
    return answer;
  };
  for (let session = 0; session < sessions; session += 1) {
    await createUser(db, { user_id: `bench-user-${session}` }, actor);
    await db.execute(
      sql`insert into sessions (session_id, user_id) values (${`bench-facts-${session}`}, ${`bench-user-${session}`})`,
    );
  }
  for (let turn = 0; turn < turnsPerSession; turn += 1) {
    for (let session = 0; session < sessions; session += 1) {
      const sessionId = `bench-facts-${session}`;
      await addMemory(
        db,
        sessionId,
        {
          messages: [
            { role: "Customer", role_type: "user", content: userLine(session, turn) },
            { role: "Agent", role_type: "assistant", content: "Let me check that for you right away." },
          ],
        },
        actor,
      );
    }
    if (mode.afterEachTurn) await worker();
  }
  await worker(0);
  const messages = sessions * turnsPerSession * 2;
  const [stored] = await db.select({ count: sql<number>`count(*)::int` }).from(facts);
  return {
    mode: mode.name,
    messages,
    calls: stub.chatRequests.length,
    promptTokens: stub.chatRequests.reduce((sum, request) => sum + countTokens(request.prompt), 0),
    completionTokens: completions.reduce((sum, text) => sum + countTokens(text), 0),
    facts: stored!.count,
  };
}

/** Seeds a session of 30 messages whose user has `factCount` facts; returns the session id. */
async function seedMemory(db: Db, factCount: number): Promise<string> {
  const userId = `bench-memory-${factCount}`;
  const sessionId = `bench-memory-session-${factCount}`;
  await createUser(db, { user_id: userId }, actor);
  await db.execute(sql`insert into sessions (session_id, user_id) values (${sessionId}, ${userId})`);
  for (let turn = 0; turn < 15; turn += 1) {
    await addMemory(
      db,
      sessionId,
      {
        messages: [
          { role: "Customer", role_type: "user", content: userLine(factCount, turn) },
          { role: "Agent", role_type: "assistant", content: "Let me check that for you right away." },
        ],
      },
      actor,
    );
  }
  if (factCount > 0) {
    await db.execute(sql`
      insert into facts (user_id, fact, rating, token_count)
      select ${userId}, 'The customer mentioned detail number ' || n || ' about order ' || (n % 97) || ' and city ' || (n % 13) || '.',
             (n % 10) / 10.0, 16
        from generate_series(1, ${factCount}) as n`);
  }
  return sessionId;
}

/**
 * Get memory latency with each fact count, the calls interleaved so that the load of a shared
 * machine weighs on every count alike.
 */
async function memoryLatency(db: Db, factCounts: number[]) {
  const sessions = [];
  for (const count of factCounts) sessions.push(await seedMemory(db, count));
  await db.execute(sql`analyze`);
  const latencies: number[][] = factCounts.map(() => []);
  const deadline = performance.now() + (seconds + 0.5) * 1000 * factCounts.length;
  for (let pass = 0; performance.now() < deadline; pass += 1) {
    for (const [index, sessionId] of sessions.entries()) {
      const started = performance.now();
      await getMemory(db, sessionId);
      // The first half second warms up.
      if (pass > 20) latencies[index]!.push(performance.now() - started);
    }
  }
  const results = [];
  for (const [index, count] of factCounts.entries()) {
    const measured = summarise(latencies[index]!, 0, seconds);
    const memory = await getMemory(db, sessions[index]!);
    results.push({
      facts: count,
      p50: round(measured.p50, 3),
      p95: round(measured.p95, 3),
      requests: measured.requests,
      relevantFacts: memory.relevant_facts.length,
    });
  }
  return results;
}

async function main() {
  const url = await freshDatabase();
  const opened = await openDatabase({ url, poolSize: 4 });
  const stub = await startOpenAiStub();
  try {
    log("facts: extraction cost per 1,000 messages (stub counts)");
    const costs: ExtractionCost[] = [];
    for (const mode of modes) {
      const cost = await extractionCost(opened.db, stub.url, stub, mode);
      const per1000 = 1000 / cost.messages;
      log(
        `  ${mode.name.padEnd(10)}  ${round(cost.calls * per1000, 1)} calls  ${Math.round(cost.promptTokens * per1000)} prompt tokens  ${Math.round(cost.completionTokens * per1000)} completion tokens  (${cost.facts} facts from ${cost.messages} messages)`,
      );
      costs.push(cost);
    }
    log("facts: get memory (service, Postgres), session of 30 messages");
    const latencies = await memoryLatency(opened.db, [0, 1_000]);
    for (const result of latencies) {
      log(
        `  ${String(result.facts).padStart(5)} facts per user  p50 ${result.p50} ms  p95 ${result.p95} ms  (${result.requests} calls, ${result.relevantFacts} relevant facts returned)`,
      );
    }
    const results = {
      ranAt: new Date().toISOString(),
      loadAverage: loadavg().map((value) => round(value)),
      quick,
      seconds,
      extraction: costs,
      getMemory: latencies,
    };
    await writeFile("bench/results/facts.json", `${JSON.stringify(results, null, 2)}\n`);
    log("written: bench/results/facts.json");
  } finally {
    await stub.close();
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
