// Engram's server: its API served by its own handlers, the dashboard by Next, on one port.
// Usage: node server.mjs [--dev]   (HOST and PORT from the environment; default 127.0.0.1:3000)
const dev = process.argv.includes("--dev");
// Set before Next loads, as Next's own CLI does for `next start` and `next dev`.
process.env.NODE_ENV = dev ? "development" : "production";
process.env.NEXT_RUNTIME = "nodejs";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const REGISTER_TIMEOUT_MS = 120_000;

// instrumentation.ts starts Engram (configuration, migrations, background work) and hands over
// its HTTP door, compiled by Next with the rest of the server code.
const door = new Promise((resolve, reject) => {
  globalThis[Symbol.for("engram.door")] = resolve;
  setTimeout(
    () => reject(new Error("instrumentation.ts did not hand over Engram's door (is the build current?)")),
    REGISTER_TIMEOUT_MS,
  ).unref();
});

const { default: next } = await import("next");
const app = next({ dev, dir: import.meta.dirname, hostname, port });
await app.prepare();

try {
  const serve = await door;
  await serve({
    hostname,
    port,
    next: app.getRequestHandler(),
    upgrade: dev ? app.getUpgradeHandler() : undefined,
    closeNext: () => app.close(),
  });
} catch (error) {
  console.error(`Engram cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
