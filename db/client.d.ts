import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
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
export declare const migrationsFolder: string;
export interface OpenOptions {
    /** postgres:// URL; without one, embedded Postgres in `dataDir`. */
    url?: string;
    /** PGlite data folder; `memory://` for a throwaway database. */
    dataDir?: string;
    poolSize?: number;
}
/** Opens the database and brings its schema up to date. */
export declare function openDatabase(options: OpenOptions): Promise<Database>;
/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
export declare function queryRows<T>(db: Queryable, query: SQL): Promise<T[]>;
