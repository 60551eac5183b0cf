import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, migrationsFolder, queryRows } from "@/db/client";
import { databaseState } from "./db";
import { errorCode, safeErrorMessage } from "./errors";
import type { VectorSearchStatus } from "./schemas/collections";
import { vectorEngine } from "./services/vectorSearch";

/** Whether this instance can serve data requests: its database answers and is migrated. */
export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "applied" | "pending";
  /** Which document vector search the open database uses. */
  vector_search?: VectorSearchStatus["engine"];
  message?: string;
}

// Never longer than this, so that a probe gets its answer while the database hangs.
const PROBE_MS = 1_500;

let journalLength: number | undefined;

/** How many migrations this build ships. */
function shippedMigrations(): number {
  journalLength ??= (
    JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;
  return journalLength;
}

async function appliedMigrations(db: Db): Promise<number> {
  const [row] = await queryRows<{ count: string | number }>(
    db,
    sql`select count(*) as count from drizzle.__drizzle_migrations`,
  );
  return Number(row?.count ?? 0);
}

function withinProbeTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("no answer in time"), { code: "57014" })),
      PROBE_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Asks the database (bounded to ~1.5 s) whether it answers and has every migration of this build. */
export async function readiness(): Promise<Readiness> {
  const { opened, waiting, closing } = databaseState();
  if (closing)
    return { ready: false, database: "ok", migrations: "applied", message: "Engram is shutting down" };
  if (!opened) {
    return {
      ready: false,
      database: "unreachable",
      migrations: "pending",
      message: waiting ?? "the database is not open yet",
    };
  }
  try {
    const [applied, vector_search] = await withinProbeTime(
      Promise.all([appliedMigrations(opened.db), vectorEngine(opened.db)]),
    );
    if (applied < shippedMigrations()) {
      return {
        ready: false,
        database: "ok",
        migrations: "pending",
        vector_search,
        message: `${shippedMigrations() - applied} migrations are not applied yet`,
      };
    }
    return { ready: true, database: "ok", migrations: "applied", vector_search };
  } catch (error) {
    const code = errorCode(error);
    return {
      ready: false,
      database: "unreachable",
      migrations: "applied",
      message: code ? safeErrorMessage(error) : "the database did not answer",
    };
  }
}
