export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
