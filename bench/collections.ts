import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "@/db/client";
import {
  addDocumentsInput,
  createCollectionInput,
  documentSearchInput,
  MAX_DOCUMENTS_PER_CALL,
} from "@/server/schemas/collections";
import { createCollection, createIndex } from "@/server/services/collections";
import { searchDocuments } from "@/server/services/documentSearch";
import { addDocuments } from "@/server/services/documents";
import { vectorEngine } from "@/server/services/vectorSearch";
import { type Machine, machine } from "./report";
import { round, summarise } from "./stats";

/*
 * Document collections at scale: N documents of 16 dimensions added through the service in
 * batches of 1,000 (the API's limit per call), then the p50/p95 of a top-10 search, on
 *   - PGlite with pgvector: exact (pgvector's operator, no index), then HNSW after index/create,
 *     with the HNSW answers' recall against the exact ones;
 *   - Postgres without pgvector: exact cosine similarity in SQL.
 */

export interface CollectionsBenchOptions {
  documents: number;
  dimensions: number;
  /** Search queries timed with the HNSW index; exact search is timed on the first `exactQueries` of them. */
  queries: number;
  exactQueries: number;
  /** An empty database on a Postgres without pgvector, or undefined to skip that engine. */
  postgresUrl?: string;
  /** Whether to measure embedded PGlite with pgvector. */
  pglite: boolean;
  log: (message: string) => void;
}

interface SearchFigures {
  queries: number;
  p50_ms: number;
  p95_ms: number;
}

export interface EngineResult {
  database: string;
  engine: string;
  documents: number;
  add: { seconds: number; documents_per_second: number };
  exact_search: SearchFigures;
  index?: { build_seconds: number; search: SearchFigures; recall_at_10: number };
}

export interface CollectionsResults {
  generated_at: string;
  machine: Machine;
  documents: number;
  dimensions: number;
  engines: EngineResult[];
}

/** A seeded generator: every engine gets the same documents and queries. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

const vectors = (seed: number, count: number, dimensions: number) => {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: dimensions }, () => round(next(), 4) || 0.0001),
  );
};

async function timeSearches(
  database: Database,
  queries: number[][],
): Promise<{ figures: SearchFigures; answers: string[][] }> {
  const latencies: number[] = [];
  const answers: string[][] = [];
  for (const query of queries) {
    const started = performance.now();
    const { results } = await searchDocuments(
      database.db,
      "bench",
      documentSearchInput.parse({ embedding: query, limit: 10 }),
    );
    latencies.push(performance.now() - started);
    answers.push(results.map((document) => document.uuid));
  }
  const measured = summarise(latencies, 0, 1);
  return {
    figures: { queries: queries.length, p50_ms: round(measured.p50), p95_ms: round(measured.p95) },
    answers,
  };
}

async function benchEngine(
  database: Database,
  label: string,
  options: CollectionsBenchOptions,
  onPartial: (partial: EngineResult) => Promise<void> = async () => {},
): Promise<EngineResult> {
  const { log } = options;
  const engine = await vectorEngine(database.db);
  log(`${label}: ${engine}; adding ${options.documents.toLocaleString("en-US")} documents`);
  await createCollection(
    database.db,
    createCollectionInput.parse({ name: "bench", embedding_dimensions: options.dimensions }),
  );

  const started = performance.now();
  for (let offset = 0; offset < options.documents; offset += MAX_DOCUMENTS_PER_CALL) {
    const count = Math.min(MAX_DOCUMENTS_PER_CALL, options.documents - offset);
    const batch = vectors(1_000 + offset, count, options.dimensions).map((embedding, index) => ({
      document_id: `doc-${offset + index}`,
      content: `document ${offset + index}`,
      metadata: { shard: (offset + index) % 10 },
      embedding,
    }));
    await addDocuments(database.db, "bench", addDocumentsInput.parse(batch));
    if ((offset / MAX_DOCUMENTS_PER_CALL) % 100 === 99) {
      log(
        `  ${(offset + count).toLocaleString("en-US")} added, ${Math.round((offset + count) / ((performance.now() - started) / 1000))}/s`,
      );
    }
  }
  const addSeconds = (performance.now() - started) / 1000;
  const add = {
    seconds: round(addSeconds, 1),
    documents_per_second: Math.round(options.documents / addSeconds),
  };
  log(`  added in ${add.seconds} s: ${add.documents_per_second} documents/s`);
  await database.db.execute(sql`analyze documents`);

  // Exact search reads every document: it is timed on fewer queries (the first of the same sequence).
  const exactQueries = vectors(7, options.exactQueries, options.dimensions);
  const exact = await timeSearches(database, exactQueries);
  log(
    `  exact search: p50 ${exact.figures.p50_ms} ms, p95 ${exact.figures.p95_ms} ms (${exact.figures.queries} queries)`,
  );
  const result: EngineResult = {
    database: label,
    engine: engine === "pgvector" ? "pgvector" : "exact SQL (no pgvector)",
    documents: options.documents,
    add,
    exact_search: exact.figures,
  };
  if (engine !== "pgvector") return result;
  // The HNSW build is the long part: keep what was measured so far.
  await onPartial(result);

  // An HNSW build of this size needs more than the default maintenance memory to stay in memory.
  await database.db.execute(sql`set maintenance_work_mem = '512MB'`);
  const indexStarted = performance.now();
  await createIndex(database.db, "bench");
  const buildSeconds = round((performance.now() - indexStarted) / 1000, 1);
  log(`  HNSW index built in ${buildSeconds} s`);
  const indexed = await timeSearches(database, vectors(7, options.queries, options.dimensions));
  let found = 0;
  exact.answers.forEach((truthList, index) => {
    const truth = new Set(truthList);
    found += indexed.answers[index]!.filter((uuid) => truth.has(uuid)).length;
  });
  const recall = round(found / (exact.answers.length * 10), 3);
  log(
    `  HNSW search: p50 ${indexed.figures.p50_ms} ms, p95 ${indexed.figures.p95_ms} ms, recall@10 ${recall}`,
  );
  result.index = { build_seconds: buildSeconds, search: indexed.figures, recall_at_10: recall };
  return result;
}

/** Runs plain Postgres (exact) first, then PGlite (pgvector); `onProgress` gets the results after each. */
export async function runCollectionsBenchmark(
  options: CollectionsBenchOptions,
  onProgress: (results: CollectionsResults) => Promise<void> = async () => {},
): Promise<CollectionsResults> {
  const results: CollectionsResults = {
    generated_at: new Date().toISOString(),
    machine: machine("not measured"),
    documents: options.documents,
    dimensions: options.dimensions,
    engines: [],
  };

  if (options.postgresUrl) {
    const postgres = await openDatabase({ url: options.postgresUrl, poolSize: 4 });
    try {
      const [row] = await queryRows<{ version: string }>(postgres.db, sql`select version()`);
      results.machine = machine(row?.version.split(" on ")[0] ?? "unknown");
      results.engines.push(await benchEngine(postgres, "Postgres", options));
      await onProgress(results);
    } finally {
      await postgres.close();
    }
  }

  if (!options.pglite) return results;
  const folder = await mkdtemp(path.join(tmpdir(), "engram-bench-collections-"));
  try {
    const pglite = await openDatabase({ dataDir: folder });
    try {
      results.engines.push(
        await benchEngine(pglite, "PGlite (embedded)", options, async (partial) => {
          await onProgress({ ...results, engines: [...results.engines, partial] });
        }),
      );
      await onProgress(results);
    } finally {
      await pglite.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return results;
}

export function collectionsMarkdown(results: CollectionsResults): string {
  const lines = [
    `# Document collections: ${results.documents.toLocaleString("en-US")} documents of ${results.dimensions} dimensions`,
    "",
    `${results.generated_at} · ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gib} GiB · Node ${results.machine.node} · ${results.machine.postgres}`,
    "",
    "| Database | Search | Add (documents/s) | Search p50 ms | Search p95 ms | Queries | Index build s | Recall@10 vs exact |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const engine of results.engines) {
    lines.push(
      `| ${engine.database} | ${engine.engine}, no index | ${engine.add.documents_per_second} | ${engine.exact_search.p50_ms} | ${engine.exact_search.p95_ms} | ${engine.exact_search.queries} | | |`,
    );
    if (engine.index) {
      lines.push(
        `| ${engine.database} | pgvector HNSW | | ${engine.index.search.p50_ms} | ${engine.index.search.p95_ms} | ${engine.index.search.queries} | ${engine.index.build_seconds} | ${engine.index.recall_at_10} |`,
      );
    }
  }
  lines.push(
    "",
    "Adds go through the service in batches of 1,000 (the API's limit per call); searches ask for the",
    "10 nearest documents to a random query, one at a time, through the service.",
    "",
  );
  return lines.join("\n");
}
