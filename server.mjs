// Engram's server: its API served by its own handlers, the dashboard by Next, on one port.
// Usage: node server.mjs [--dev]   (HOST and PORT from the environment; default 127.0.0.1:3000)
// With Postgres (DATABASE_URL), the background worker runs in a child process (`--worker`).
import { createRequire } from "node:module";
import path from "node:path";

const dev = process.argv.includes("--dev");
const workerOnly = process.argv.includes("--worker");
// Set before Next loads, as Next's own CLI does for `next start` and `next dev`.
process.env.NODE_ENV = dev ? "development" : "production";
process.env.NEXT_RUNTIME = "nodejs";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const REGISTER_TIMEOUT_MS = 120_000;

// instrumentation.ts starts Engram (configuration, migrations, background work) and hands over
// its HTTP door and its stop, compiled by Next with the rest of the server code.
const handedOver = new Promise((resolve, reject) => {
  globalThis[Symbol.for("engram.door")] = resolve;
  setTimeout(
    () => reject(new Error("instrumentation.ts did not hand over Engram's door (is the build current?)")),
    REGISTER_TIMEOUT_MS,
  ).unref();
});

function fail(error) {
  console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (workerOnly) {
  // The worker process: the production build's start-up without Next's server, until told to stop.
  const distDir = process.env.ENGRAM_DIST_DIR || ".next";
  const require = createRequire(import.meta.url);
  const instrumentation = require(path.resolve(import.meta.dirname, distDir, "server", "instrumentation.js"));
  try {
    await instrumentation.register();
    const { stop } = await handedOver;
    const exit = async () => {
      await stop();
      process.exit(0);
    };
    process.once("SIGTERM", exit);
    process.once("SIGINT", exit);
    // Never outlive the server process.
    process.once("disconnect", exit);
  } catch (error) {
    fail(error);
  }
} else {
  // A worker process needs a database other processes can open too (not the embedded one).
  const workerProcess =
    !dev && Boolean(process.env.DATABASE_URL?.trim()) && process.env.ENGRAM_WORKER?.trim() !== "off";
  if (workerProcess) process.env.ENGRAM_PROCESS_ROLE = "api";

  const { default: next } = await import("next");
  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  try {
    // Without a production build this fails with Next's message (run `npm run build` first).
    await app.prepare();
    const { serve, superviseWorkerProcess } = await handedOver;
    const worker = workerProcess ? superviseWorkerProcess(import.meta.filename) : undefined;
    await serve({
      hostname,
      port,
      next: app.getRequestHandler(),
      upgrade: dev ? app.getUpgradeHandler() : undefined,
      closeNext: async () => {
        await worker?.stop();
        await app.close();
      },
    });
  } catch (error) {
    fail(error);
  }
}
