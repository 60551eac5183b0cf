import { type Database, type Db, openDatabase } from "@/db/client";
import { config } from "./config";

// One database per process, shared by route handlers, pages and background work; kept on
// globalThis so that Next's separate module graphs (and dev reloads) reuse it.
const holder = globalThis as unknown as { __engramDatabase?: Promise<Database> };

export function database(): Promise<Database> {
  if (!holder.__engramDatabase) {
    const settings = config();
    holder.__engramDatabase = openDatabase({
      url: settings.DATABASE_URL,
      dataDir: settings.ENGRAM_DATA_DIR,
      poolSize: settings.ENGRAM_DB_POOL_SIZE,
    }).catch((error: unknown) => {
      holder.__engramDatabase = undefined;
      throw error;
    });
  }
  return holder.__engramDatabase;
}

export async function db(): Promise<Db> {
  return (await database()).db;
}

/** Use an already opened database for this process (tests, scripts). */
export function useDatabase(opened: Database): void {
  holder.__engramDatabase = Promise.resolve(opened);
}
