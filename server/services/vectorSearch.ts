import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db/client";
import type { VectorSearchStatus } from "../schemas/collections";

/*
 * Document embeddings are stored as real[] on every database, so one schema serves Postgres with
 * or without pgvector. Where pgvector is installed, similarity is its cosine distance on a cast to
 * vector(n), and `index/create` builds an HNSW index on that cast for the one collection (a partial
 * expression index); without it, cosine similarity is computed exactly in SQL over the arrays.
 */

const engines = new WeakMap<object, Promise<VectorSearchStatus["engine"]>>();

/** pgvector when the database has the extension, else exact search in SQL (checked once per database). */
export function vectorEngine(db: Queryable): Promise<VectorSearchStatus["engine"]> {
  let engine = engines.get(db);
  if (!engine) {
    engine = queryRows<{ installed: boolean }>(
      db,
      sql`select exists (select 1 from pg_extension where extname = 'vector') as installed`,
    ).then(
      ([row]) => (row?.installed ? "pgvector" : "exact"),
      (error: unknown) => {
        engines.delete(db); // a failed check (e.g. during an outage) is asked again next time
        throw error;
      },
    );
    engines.set(db, engine);
  }
  return engine;
}

export async function vectorSearchStatus(db: Queryable): Promise<VectorSearchStatus> {
  const engine = await vectorEngine(db);
  return {
    engine,
    description:
      engine === "pgvector"
        ? "pgvector: cosine distance, with an HNSW index per collection after index/create"
        : "exact cosine similarity in SQL (this database has no pgvector)",
  };
}

/** The collection's own id and dimension go into SQL as literals (integers from the database), so the planner can match its partial index. */
function literalInt(value: number): SQL {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return sql.raw(String(value));
}

/** Cosine similarity (1 is the same direction) of the `embedding` column and a unit-length query vector. */
export function similarityExpression(
  engine: VectorSearchStatus["engine"],
  dimensions: number,
  unitQuery: readonly number[],
): SQL<number> {
  if (engine === "pgvector") {
    const dims = literalInt(dimensions);
    return sql<number>`(1 - (embedding::vector(${dims}) <=> ${`[${unitQuery.join(",")}]`}::vector(${dims})))`;
  }
  if (dimensions <= INLINE_DIMENSIONS) {
    // Spelled out term by term: about three times faster than unnest with an aggregate per row.
    const terms = unitQuery.map((_, index) => index + 1);
    const dot = terms.map((i) => `embedding[${i}] * ${literalFloat(unitQuery[i - 1]!)}::float8`).join(" + ");
    const squares = terms.map((i) => `embedding[${i}] * embedding[${i}]`).join(" + ");
    return sql.raw(`((${dot}) / nullif(sqrt(${squares}), 0))`) as SQL<number>;
  }
  return sql<number>`(select sum(a * b) / nullif(sqrt(sum(a * a)), 0)
      from unnest(embedding, ${`{${unitQuery.join(",")}}`}::real[]) as pair(a, b))`;
}

/** Up to this many dimensions, exact similarity is one arithmetic expression; beyond, an aggregate over unnest. */
const INLINE_DIMENSIONS = 256;

/** A finite number as a SQL literal (it goes into the statement text, so it is checked here). */
function literalFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `(${value.toPrecision(17)})`;
}

/** How rows are ordered nearest first: pgvector's distance operator (so an HNSW index can serve it), or the exact similarity. */
export function nearestFirst(
  engine: VectorSearchStatus["engine"],
  dimensions: number,
  unitQuery: readonly number[],
): SQL {
  if (engine === "pgvector") {
    const dims = literalInt(dimensions);
    return sql`embedding::vector(${dims}) <=> ${`[${unitQuery.join(",")}]`}::vector(${dims})`;
  }
  return sql`${similarityExpression(engine, dimensions, unitQuery)} desc nulls last`;
}

const indexName = (collectionId: number) => `documents_hnsw_${collectionId}`;

/** Builds the collection's HNSW index (pgvector only); answers whether one exists now. */
export async function createCollectionIndex(
  db: Queryable,
  collectionId: number,
  dimensions: number,
): Promise<boolean> {
  if ((await vectorEngine(db)) !== "pgvector") return false;
  const id = literalInt(collectionId);
  await db.execute(
    sql`create index if not exists ${sql.identifier(indexName(collectionId))} on documents
        using hnsw ((embedding::vector(${literalInt(dimensions)})) vector_cosine_ops)
        where collection_id = ${id}`,
  );
  return true;
}

export async function dropCollectionIndex(db: Queryable, collectionId: number): Promise<void> {
  if ((await vectorEngine(db)) !== "pgvector") return;
  await db.execute(sql`drop index if exists ${sql.identifier(indexName(collectionId))}`);
}

/**
 * Session settings for an HNSW scan: enough candidates for `limit`, and with a metadata filter an
 * iterative scan, so filtered-out neighbours do not leave the answer short.
 */
export async function prepareIndexScan(db: Queryable, limit: number, filtered: boolean): Promise<void> {
  const efSearch = Math.min(1000, Math.max(40, limit));
  await db.execute(sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true)`);
  if (filtered) await db.execute(sql`select set_config('hnsw.iterative_scan', 'strict_order', true)`);
}
