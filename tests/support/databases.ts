import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { resetConfig } from "@/server/config";
import { createContext, type Principal } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

export { adminUrl, createFreshDatabase, databaseUrl, testDatabasePrefix } from "./postgres";

import { createFreshDatabase, testDatabasePrefix } from "./postgres";

export type Backend = "postgres" | "pglite";
export const backends: Backend[] = ["postgres", "pglite"];

const tables = [
  "documents",
  "document_collections",
  "fact_changes",
  "fact_extraction",
  "facts",
  "metadata_changes",
  "session_enrichment",
  "summaries",
  "messages",
  "sessions",
  "users",
  "api_keys",
  "account_changes",
  "account_sessions",
  "accounts",
];

/** Empties every table (cheaper than a new database per test). */
export async function truncateAll(db: Db): Promise<void> {
  await db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
}

/**
 * Opens a fresh database of the given kind for the current test file and empties it before each
 * test. The name must be unique per test file so parallel files never share a database.
 */
export function useTestDatabase(
  backend: Backend,
  name: string,
): { readonly db: Db; readonly database: Database } {
  const holder: { database?: Database } = {};
  beforeAll(async () => {
    resetConfig();
    holder.database =
      backend === "postgres"
        ? await openDatabase({
            url: await createFreshDatabase(`${testDatabasePrefix}_${name}`),
            poolSize: 30,
          })
        : await openDatabase({ dataDir: "memory://" });
  });
  beforeEach(async () => {
    await truncateAll(holder.database!.db);
  });
  afterAll(async () => {
    await holder.database?.close();
  });
  return {
    get db() {
      return holder.database!.db;
    },
    get database() {
      return holder.database!;
    },
  };
}

export const testPrincipal: Principal = { kind: "apiKey", uuid: null, name: "test" };

/** A tRPC caller acting as `principal` (an application's API key by default). */
export async function callerFor(db: Db, principal: Principal | null = testPrincipal) {
  const context = await createContext(db, new Headers());
  return createCaller({ ...context, principal });
}
