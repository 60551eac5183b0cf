import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type CollectionsResults, collectionsMarkdown, runCollectionsBenchmark } from "./collections";

const usage = `npm run bench:collections [-- options]
  --quick             20,000 documents instead of 1,000,000
  --documents <n>     how many documents (default 1,000,000; quick 20,000)
  --no-postgres       only PGlite (pgvector); skip exact search on the machine's Postgres
  --no-pglite         only the machine's Postgres
  --out <name>        results file name in bench/results (default collections, quick collections-quick)
  --database <name>   Postgres database to create afresh (default engram_bench_collections)`;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    documents: { type: "string" },
    "no-postgres": { type: "boolean", default: false },
    "no-pglite": { type: "boolean", default: false },
    out: { type: "string" },
    database: { type: "string", default: "engram_bench_collections" },
    help: { type: "boolean", default: false },
  },
});

async function main() {
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const documents = Number(args.documents ?? (args.quick ? 20_000 : 1_000_000));
  if (!Number.isSafeInteger(documents) || documents < 1_000) throw new Error("--documents: at least 1000");
  if (!/^[a-z0-9_]+$/.test(args.database!))
    throw new Error("--database: lowercase letters, digits and _ only");

  let postgresUrl: string | undefined;
  if (!args["no-postgres"]) {
    const adminUrl = process.env.ENGRAM_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    // The benchmark drops and creates a database: only ever on this machine.
    if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(adminUrl).hostname)) {
      throw new Error("ENGRAM_BENCH_ADMIN_URL must point at a loopback address");
    }
    process.env.ENGRAM_TEST_ADMIN_URL = adminUrl;
    const { createFreshDatabase } = await import("../tests/support/postgres");
    postgresUrl = await createFreshDatabase(args.database!);
  }

  const name = args.out ?? (args.quick ? "collections-quick" : "collections");
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error("--out: lowercase letters, digits and - only");
  await mkdir("bench/results", { recursive: true });
  const write = async (results: CollectionsResults) => {
    await writeFile(`bench/results/${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(`bench/results/${name}.md`, collectionsMarkdown(results));
  };
  const results = await runCollectionsBenchmark(
    {
      documents,
      dimensions: 16,
      queries: args.quick ? 50 : 200,
      exactQueries: 20,
      postgresUrl,
      pglite: !args["no-pglite"],
      log: (message) => process.stdout.write(`${message}\n`),
    },
    write,
  );
  await write(results);
  process.stdout.write(`\n${collectionsMarkdown(results)}\nwritten to bench/results/${name}.json and .md\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
