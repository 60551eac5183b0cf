/**
 * What a server process does before its first request: configuration, database, background work.
 * A bad configuration stops the process at once; an unreachable database does not: start-up waits
 * for it with backoff while requests get 503 and /readyz says not ready.
 */
export async function startEngram(): Promise<void> {
  try {
    await start();
  } catch (error) {
    stopForGood(error);
  }
}

function stopForGood(error: unknown): never {
  // Next would go on serving a 500 for every request: stop instead, saying why.
  console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function start() {
  const { config } = await import("./config");
  const { waitForDatabase } = await import("./db");
  const settings = config();
  shutdownWaitMs = settings.ENGRAM_SHUTDOWN_TIMEOUT_MS;
  if (settings.ENGRAM_WORKER === "on") {
    const { summarizerFromConfig } = await import("./providers/summarizer");
    // A bad prompt file stops the start here, with the variable named, rather than failing every job.
    summarizerFromConfig(settings);
  }
  stopOnSignals();

  // Open the database and run migrations before the first request when the database is there;
  // when it is not, serve (503s) and go on waiting in the background.
  let firstOutage: () => void = () => {};
  const unreachable = new Promise<void>((resolve) => {
    firstOutage = resolve;
  });
  const opened = waitForDatabase({ onFirstOutage: () => firstOutage() }).then(async (database) => {
    if (settings.ENGRAM_WORKER !== "on" || stoppingWork) return;
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

const signals = globalThis as unknown as { __engramSignals?: boolean };

/**
 * Under `next start`, Next handles SIGTERM/SIGINT itself: it stops accepting connections, lets
 * in-flight requests finish, then exits. Engram stops its background work (releasing leases) as
 * soon as the signal arrives, and holds Next's exit until that and closing the pool are done.
 */
function stopOnSignals(): void {
  if (signals.__engramSignals || process.env.NEXT_MANUAL_SIG_HANDLE) return;
  signals.__engramSignals = true;
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`Engram: ${signal}: finishing requests in flight, releasing leases, closing the database`);
    void stopBackgroundWork();
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      // Bounded: a database that does not answer must not keep the process alive.
      const limit = new Promise((resolve) => setTimeout(resolve, shutdownLimitMs()).unref());
      void Promise.race([stopEngram(), limit]).finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

let shutdownWaitMs = 10_000;

/** The longest a shutdown may take: the wait for in-flight work, plus closing the pool. */
function shutdownLimitMs(): number {
  return shutdownWaitMs + 6_000;
}
