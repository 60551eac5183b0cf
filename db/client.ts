import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { Options as PostgresJsOptions } from "postgres";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every Engram instance on one database.
const MIGRATION_LOCK_KEY = 72_616_716;

/** Limits that keep a call from waiting on an unreachable or stuck database (real Postgres only). */
export interface ConnectionLimits {
  /** Giving up on opening a connection. */
  connectTimeoutMs: number;
  /** Closing a connection nobody used for this long. */
  idleTimeoutMs: number;
  /** Postgres cancels a statement running longer (`statement_timeout`). */
  statementTimeoutMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  connectTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  statementTimeoutMs: 15_000,
};

export interface OpenOptions extends Partial<ConnectionLimits> {
  /** postgres:// URL; without one, embedded Postgres in `dataDir`. */
  url?: string;
  /** PGlite data folder; `memory://` for a throwaway database. */
  dataDir?: string;
  poolSize?: number;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const limits: ConnectionLimits = {
      connectTimeoutMs: options.connectTimeoutMs ?? defaultConnectionLimits.connectTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? defaultConnectionLimits.idleTimeoutMs,
      statementTimeoutMs: options.statementTimeoutMs ?? defaultConnectionLimits.statementTimeoutMs,
    };
    return openPostgres(options.url, { max: options.poolSize ?? 10, ...limits });
  }
  return openPglite(options.dataDir ?? "./.data");
}

/** postgres.js options for a pool of `max` connections within these limits. */
export function postgresOptions(
  settings: ConnectionLimits & { max: number },
): PostgresJsOptions<Record<string, never>> {
  return {
    max: settings.max,
    onnotice: () => {},
    // postgres.js counts these in seconds.
    connect_timeout: settings.connectTimeoutMs / 1000,
    idle_timeout: settings.idleTimeoutMs / 1000,
    // Its default backoff grows to 20 s after a few failed connects: after an outage, reconnect
    // within a second of the database being back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
    connection: {
      application_name: "engram",
      statement_timeout: settings.statementTimeoutMs,
      // A transaction left open by a stuck caller must not hold its locks and connection forever.
      idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs * 2, 10_000),
    },
  };
}

async function openPostgres(url: string, settings: ConnectionLimits & { max: number }): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");

  // Migrate on one dedicated connection holding an advisory lock, so instances starting together
  // apply each migration once. Migrations may take longer than a request's statement: no limit.
  const migrator = postgres(url, { ...postgresOptions({ ...settings, max: 1 }), connection: {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle({ client: migrator }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end({ timeout: 1 });
  }

  const client = postgres(url, postgresOptions(settings));
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");

  const location = dataDir.startsWith("memory://") ? dataDir : path.resolve(dataDir);
  const client = await PGlite.create(location, { extensions: { pg_trgm, vector } });
  const pgliteDb = drizzle({ client, schema });
  await migrate(pgliteDb, { migrationsFolder });
  return { db: pgliteDb as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
