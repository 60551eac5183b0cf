export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await start();
  } catch (error) {
    // Next would go on serving a 500 for every request: stop instead, saying why.
    console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function start() {
  const { config } = await import("./server/config");
  const { database } = await import("./server/db");
  const settings = config();
  // Open the database and run migrations before the first request.
  const opened = await database();
  if (settings.ENGRAM_WORKER === "on") {
    const { summarizerFromConfig } = await import("./server/providers/summarizer");
    const { startEnrichmentWorker } = await import("./server/jobs/worker");
    // A bad prompt file stops the start here, with the variable named, rather than failing every job.
    summarizerFromConfig(settings);
    startEnrichmentWorker(opened.db);
  }
}
