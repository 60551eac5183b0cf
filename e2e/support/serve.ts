import { spawn } from "node:child_process";
import { createFreshDatabase } from "../../tests/support/postgres";
import { e2eApiKey, e2eDatabaseName } from "./env";

// Playwright starts the web server before its global setup, so the fresh database is made here.
async function main() {
  const url = await createFreshDatabase(e2eDatabaseName);
  const port = process.env.ENGRAM_E2E_PORT ?? "3301";
  // Engram's own server entry, serving the production build.
  const server = spawn(process.execPath, ["server.mjs"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: port,
      ENGRAM_DIST_DIR: process.env.ENGRAM_DIST_DIR ?? ".next",
      DATABASE_URL: url,
      ENGRAM_API_KEY: e2eApiKey,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
