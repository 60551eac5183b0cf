/**
 * How many messages per second the extractive summarizer folds on a backlog.
 *
 *   npx tsx bench/summarizer.ts [--messages 100000] [--sessions 100] [--pglite]
 *
 * Seeds the backlog with one SQL insert (seeding only; everything measured goes through the
 * worker), then drains it with the background worker's own loop and prints the figures.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Db, openDatabase, queryRows } from "@/db/client";
import { runUntilIdle } from "@/server/jobs/worker";
import { extractiveSummarizer } from "@/server/providers/summarizer";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "100000" },
    sessions: { type: "string", default: "100" },
    window: { type: "string", default: "12" },
    concurrency: { type: "string", default: "2" },
    pglite: { type: "boolean", default: false },
  },
});
const total = Number(values.messages);
const sessionCount = Number(values.sessions);
const perSession = Math.ceil(total / sessionCount);
const window = Number(values.window);

const adminUrl = process.env.ENGRAM_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const databaseName = `${process.env.ENGRAM_TEST_DB_PREFIX ?? "engram_bench"}_summarizer`;

async function freshPostgres(): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    await admin.unsafe(`create database "${databaseName}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** Conversations of people, places, numbers and small talk, already enriched (only summaries are owed). */
async function seed(db: Db): Promise<void> {
  await db.execute(sql`
    insert into sessions (session_id, message_seq, message_count, token_count, last_message_at)
    select 'bench-' || g, ${perSession}, ${perSession}, ${perSession * 14}, now()
      from generate_series(1, ${sessionCount}) g`);
  await db.execute(sql`
    with words as (select
      array['Jane','Carlos','Amira','Kenji','Olga','Tomas','Priya','Lena'] as people,
      array['Lisbon','Tokyo','Nairobi','Oslo','Lima','Toronto','Hanoi','Cairo'] as places,
      array['flight','hotel','dinner','concert','museum','train','wedding','workshop'] as things,
      array['ok','sounds good','let me think','sure, go on','thanks, that helps','I see'] as filler)
    insert into messages (session_pk, seq, role, role_type, content, token_count, enriched_at)
    select s.id, g,
           case when g % 2 = 1 then 'Jane' else 'Bot' end,
           case when g % 2 = 1 then 'user' else 'assistant' end,
           case when (g + s.id) % 3 = 0 then w.filler[1 + (g + s.id) % 6] || '.'
                else format('%s booked the %s in %s for %s people on day %s. It costs %s dollars.',
                  w.people[1 + (g * 7 + s.id) % 8], w.things[1 + (g * 3 + s.id) % 8],
                  w.places[1 + (g * 5 + s.id) % 8], 1 + g % 6, g, 50 + (g * 37) % 900)
           end,
           14, now()
      from sessions s, words w, generate_series(1, ${perSession}) g`);
}

async function main() {
  const database = values.pglite
    ? await openDatabase({ dataDir: "memory://" })
    : await openDatabase({ url: await freshPostgres(), poolSize: 10 });
  const db = database.db;
  const seedStart = performance.now();
  await seed(db);
  const seeded = performance.now() - seedStart;

  const summarizer = extractiveSummarizer();
  const start = performance.now();
  const result = await runUntilIdle(db, {
    summarizer,
    embedder: undefined,
    entities: false,
    window,
    concurrency: Number(values.concurrency),
  });
  const seconds = (performance.now() - start) / 1000;

  const [folded] = await queryRows<{ messages: string; summaries: string }>(
    db,
    sql`select (select sum(summarized_seq) from sessions) as messages, (select count(*) from summaries) as summaries`,
  );
  const messagesFolded = Number(folded?.messages ?? 0);

  // The summarizer alone, without the database: one 1,000-message fold at a time.
  const sample = await queryRows<{ role: string; content: string }>(
    db,
    sql`select role, content from messages order by id limit 1000`,
  );
  const pureStart = performance.now();
  let previous: string | undefined;
  for (let round = 0; round < 20; round += 1)
    previous = await summarizer.summarize({ previous, messages: sample });
  const pureSeconds = (performance.now() - pureStart) / 1000;

  console.log(
    `backend: ${database.kind}; backlog: ${sessionCount} sessions x ${perSession} messages (seeded in ${(seeded / 1000).toFixed(1)} s)`,
  );
  console.log(`worker rounds claimed ${result.claimed} sessions, ${result.outcomes.failed} failed`);
  console.log(
    `folded ${messagesFolded} messages into ${folded?.summaries} summaries in ${seconds.toFixed(2)} s`,
  );
  console.log(`extractive summarizer through the worker: ${Math.round(messagesFolded / seconds)} messages/s`);
  console.log(
    `extractive summarizer alone (no database): ${Math.round((20 * sample.length) / pureSeconds)} messages/s`,
  );
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
