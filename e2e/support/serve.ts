import { spawn } from "node:child_process";
import { createFreshDatabase } from "../../tests/support/postgres";
import { e2eApiKey, e2eDatabaseName } from "./env";

// Playwright starts the web server before its global setup, so the fresh database is made here.
async function main() {
  const url = await createFreshDatabase(e2eDatabaseName);
  const port = process.env.ENGRAM_E2E_PORT ?? "3301";
  const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
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
