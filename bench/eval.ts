/**
 * Memory quality: how many planted facts the memory an LLM would get still holds.
 *
 *   npm run eval                      # 120, 1,000 and 5,000 messages, three seeds (5,000: one)
 *   npm run eval -- --quick           # one seed, 120 messages (what CI runs)
 *   npm run eval -- --postgres        # on a fresh database of the machine's Postgres (ENGRAM_TEST_ADMIN_URL)
 *
 * The summarizer is the configured one: the extractive default, or any OpenAI-compatible endpoint
 * given by ENGRAM_SUMMARIZER_BASE_URL, _API_KEY and _MODEL (the tokens it spends are reported).
 * Results go to bench/results/eval-latest.{json,md} (quick mode: eval-quick.{json,md}).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { config } from "@/server/config";
import { createFreshDatabase } from "@/tests/support/postgres";
import { missedTargets, runEval } from "./eval/recall";
import { report } from "./eval/report";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
    sizes: { type: "string" },
    seeds: { type: "string" },
    out: { type: "string", default: "bench/results" },
  },
});

const list = (text: string) => text.split(",").map((item) => Number(item.trim()));

async function main() {
  const sizes = values.sizes ? list(values.sizes) : values.quick ? [120] : [120, 1_000, 5_000];
  const seeds = values.seeds ? list(values.seeds) : values.quick ? [1] : [1, 2, 3];
  const database = values.postgres
    ? await openDatabase({
        url: await createFreshDatabase(`${process.env.ENGRAM_TEST_DB_PREFIX ?? "engram_bench"}_eval`),
        poolSize: 4,
      })
    : await openDatabase({ dataDir: "memory://" });
  const started = Date.now();
  try {
    const run = await runEval(database.db, {
      sizes,
      // The longest conversations take minutes each: one seed unless seeds are named.
      seedsFor: (size) => (size >= 5_000 && !values.seeds ? seeds.slice(0, 1) : seeds),
      window: config().ENGRAM_MEMORY_WINDOW,
      log: (line) => console.log(line),
    });
    const missed = missedTargets(run);
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ${database.kind}`;
    const text = report(run, missed, { machine, seconds: (Date.now() - started) / 1000 });
    mkdirSync(values.out, { recursive: true });
    const name = values.quick ? "eval-quick" : "eval-latest";
    writeFileSync(
      path.join(values.out, `${name}.json`),
      `${JSON.stringify({ machine, ...run, missed }, null, 2)}\n`,
    );
    writeFileSync(path.join(values.out, `${name}.md`), text);
    console.log(`\n${text}`);
    if (missed.length > 0) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
