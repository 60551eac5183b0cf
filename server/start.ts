export interface StartOptions {
  /** Whether this process runs the background worker (when configured on); false where a worker process does. */
  worker?: boolean;
}

/**
 * What a server process does before its first request: configuration, database, background work.
 * A bad configuration stops the process at once; an unreachable database does not: start-up waits
 * for it with backoff while requests get 503 and /readyz says not ready.
 */
export async function startEngram(options: StartOptions = {}): Promise<void> {
  try {
    await start(options.worker ?? true);
  } catch (error) {
    stopForGood(error);
  }
}

function stopForGood(error: unknown): never {
  // Next would go on serving a 500 for every request: stop instead, saying why.
  console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function start(runWorker: boolean) {
  const { config } = await import("./config");
  const { waitForDatabase } = await import("./db");
  const settings = config();
  const worker = runWorker && settings.ENGRAM_WORKER === "on";
  if (worker) {
    const { summarizerFromConfig } = await import("./providers/summarizer");
    // A bad prompt file stops the start here, with the variable named, rather than failing every job.
    summarizerFromConfig(settings);
  }

  // Open the database and run migrations before the first request when the database is there;
  // when it is not, serve (503s) and go on waiting in the background.
  let firstOutage: () => void = () => {};
  const unreachable = new Promise<void>((resolve) => {
    firstOutage = resolve;
  });
  const opened = waitForDatabase({ onFirstOutage: () => firstOutage() }).then(async (database) => {
    if (!worker || stoppingWork) return;
    const { startEnrichmentWorker } = await import("./jobs/worker");
    startEnrichmentWorker(database.db);
  });
  opened.catch(stopForGood);
  await Promise.race([opened, unreachable]);
}

let stopping: Promise<void> | undefined;

/**
 * Stops this instance's background work and closes its database: the worker takes no new work,
 * its current step may finish (within ENGRAM_SHUTDOWN_TIMEOUT_MS), its leases are released at once
 * so another instance can take its sessions over, then the pool is closed. Call after HTTP drained.
 */
export function stopEngram(): Promise<void> {
  stopping ??= (async () => {
    await stopBackgroundWork();
    const { closeDatabase } = await import("./db");
    await closeDatabase().catch((error: unknown) => console.error("closing the database failed:", error));
  })();
  return stopping;
}

let stoppingWork: Promise<void> | undefined;

async function stopBackgroundWork(): Promise<void> {
  stoppingWork ??= (async () => {
    const { config } = await import("./config");
    const { stopEnrichmentWorker } = await import("./jobs/worker");
    await stopEnrichmentWorker(config().ENGRAM_SHUTDOWN_TIMEOUT_MS);
  })();
  return stoppingWork;
}
