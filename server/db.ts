import { type Database, type Db, openDatabase } from "@/db/client";
import { config } from "./config";
import { errorCode, isOutageCode, unavailable } from "./errors";

interface DatabaseState {
  opening?: Promise<Database>;
  opened?: Database;
  /** While start-up waits for an unreachable database: why, in words safe to show anyone. */
  waiting?: string;
  /** Set once shutdown has begun: no new work takes the pool. */
  closing?: boolean;
}

// One database per process, shared by route handlers, pages and background work; kept on
// globalThis so that Next's separate module graphs (and dev reloads) reuse it.
const holder = globalThis as unknown as { __engramDatabaseState?: DatabaseState };
holder.__engramDatabaseState ??= {};
const state = holder.__engramDatabaseState;

function openFromConfig(): Promise<Database> {
  const settings = config();
  return openDatabase({
    url: settings.DATABASE_URL,
    dataDir: settings.ENGRAM_DATA_DIR,
    poolSize: settings.ENGRAM_DB_POOL_SIZE,
    connectTimeoutMs: settings.ENGRAM_DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: settings.ENGRAM_DB_IDLE_TIMEOUT_MS,
    statementTimeoutMs: settings.ENGRAM_DB_STATEMENT_TIMEOUT_MS,
  });
}

/**
 * The process's database, opened (and migrated) on first use. While start-up is still waiting
 * for the database, or once shutdown began, it fails at once with UNAVAILABLE instead of waiting.
 */
export function database(): Promise<Database> {
  if (state.closing) return Promise.reject(unavailable("Engram is shutting down; retry shortly"));
  if (state.opened) return Promise.resolve(state.opened);
  if (state.waiting !== undefined)
    return Promise.reject(unavailable("Engram is waiting for the database to come up; retry shortly"));
  state.opening ??= openFromConfig().then(
    (opened) => {
      state.opened = opened;
      return opened;
    },
    (error: unknown) => {
      state.opening = undefined;
      throw error;
    },
  );
  return state.opening;
}

export async function db(): Promise<Db> {
  return (await database()).db;
}

/** Where the database stands, without waiting for it (readiness). */
export function databaseState(): { opened?: Database; waiting?: string; closing: boolean } {
  return { opened: state.opened, waiting: state.waiting, closing: state.closing ?? false };
}

export interface WaitOptions {
  /** Reports each failed attempt and what is awaited. */
  log?: (line: string) => void;
  /** Called once, after the first attempt failed because the database is unreachable. */
  onFirstOutage?: () => void;
}

const FIRST_RETRY_MS = 250;
// Short enough that a database coming back is in use within two seconds.
const LONGEST_RETRY_MS = 2_000;

/**
 * Opens the database, retrying with backoff for as long as it is unreachable (refused, starting
 * up, too many connections...). Anything else (bad credentials, an unknown database, a failing
 * migration) is thrown at once: waiting would not fix it.
 */
export function waitForDatabase(options: WaitOptions = {}): Promise<Database> {
  if (state.opened) return Promise.resolve(state.opened);
  if (state.opening) return state.opening;
  const log = options.log ?? ((line: string) => console.log(line));
  state.waiting = "connecting";
  state.opening = (async () => {
    let delay = FIRST_RETRY_MS;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const opened = await openFromConfig();
        if (attempt > 1) log(`Engram: the database is up after ${attempt} attempts`);
        state.opened = opened;
        state.waiting = undefined;
        return opened;
      } catch (error) {
        const code = errorCode(error);
        if (!code || !isOutageCode(code)) {
          state.waiting = undefined;
          state.opening = undefined;
          throw error;
        }
        state.waiting = `the database is unreachable (${code}); Engram keeps trying`;
        log(
          `Engram: waiting for the database at ${databaseHost()} (${code}); next attempt in ${(delay / 1000).toFixed(1)} s`,
        );
        if (attempt === 1) options.onFirstOutage?.();
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, LONGEST_RETRY_MS);
      }
    }
  })();
  return state.opening;
}

/** host:port of DATABASE_URL (never its user or password), for what start-up waits for. */
function databaseHost(): string {
  const url = config().DATABASE_URL;
  if (!url) return "the embedded database";
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** Closes the pool; from now on database() fails with UNAVAILABLE. */
export async function closeDatabase(): Promise<void> {
  state.closing = true;
  const opened = state.opened;
  state.opened = undefined;
  await opened?.close();
}

/** Use an already opened database for this process (tests, scripts). */
export function useDatabase(opened: Database): void {
  state.opened = opened;
  state.opening = Promise.resolve(opened);
  state.waiting = undefined;
  state.closing = false;
}
