import type { Database } from "@/db/client";
import type { EnrichmentWorker } from "./jobs/worker";

/** What this process started, so that `stopEngram` can stop it. */
const running: { database?: Database; worker?: EnrichmentWorker } = {};

export interface StartOptions {
  /** Whether this process runs the background worker (when configured on); false where a worker process does. */
  worker?: boolean;
}

/** What a server process does before its first request: configuration, database, background work. */
export async function startEngram(options: StartOptions = {}): Promise<void> {
  try {
    await start(options.worker ?? true);
  } catch (error) {
    // Next would go on serving a 500 for every request: stop instead, saying why.
    console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function start(runWorker: boolean) {
  const { config } = await import("./config");
  const { database } = await import("./db");
  const settings = config();
  // Open the database and run migrations before the first request.
  const opened = await database();
  running.database = opened;
  if (settings.ENGRAM_WORKER !== "on" || !runWorker) return;
  const { summarizerFromConfig } = await import("./providers/summarizer");
  // A bad prompt file stops the start here, with the variable named, rather than failing every job.
  summarizerFromConfig(settings);
  const { startEnrichmentWorker } = await import("./jobs/worker");
  running.worker = startEnrichmentWorker(opened.db);
}

/** Stops what `startEngram` started: the background worker (after its round in progress), then the database. */
export async function stopEngram(): Promise<void> {
  const { worker, database } = running;
  running.worker = undefined;
  running.database = undefined;
  await worker?.stop();
  await database?.close();
}
