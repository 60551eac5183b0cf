import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createFreshDatabase, testDatabasePrefix } from "./databases";
import { distDir, freePort, spawnEngram } from "./process";

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The bootstrap key the server was started with (ENGRAM_API_KEY). */
  apiKey: string;
  databaseUrl: string;
  /** The server process's id (to signal it) and how it exited (its exit code, or null for a signal). */
  pid?: number;
  exited?: Promise<number | null>;
  stop(): Promise<void>;
}

export { distDir } from "./process";

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Engram did not answer /healthz within 60 s:\n${output()}`);
}

/**
 * Starts the production build (`node server.mjs`) on a free port against a fresh Postgres database
 * named `<ENGRAM_TEST_DB_PREFIX>_<name>`, with a bootstrap API key.
 */
export async function startServer(name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const buildId = path.join(process.cwd(), distDir, "BUILD_ID");
  if (!existsSync(buildId)) {
    throw new Error(
      `No production build in ${distDir}/. Build it first: ENGRAM_DIST_DIR=${distDir} npx next build ` +
        "(and run the tests with the same ENGRAM_DIST_DIR).",
    );
  }
  const databaseUrl = await createFreshDatabase(`${testDatabasePrefix}_${name}`);
  const apiKey = `test-bootstrap-key-${name}-0123456789`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Engram's own server entry, serving the production build (its API directly, pages through Next).
  const child = spawnEngram({ port, databaseUrl, apiKey, env });
  let log = "";
  const capture = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", capture);
  child.stderr!.on("data", (chunk: Buffer) => {
    capture(chunk);
    // What the server reports as an error (a 500's cause, say) belongs in the test run's output.
    process.stderr.write(`[${name} server] ${chunk.toString()}`);
  });

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, apiKey, databaseUrl, pid: child.pid, exited, stop };
}

/** One server for the current test file, started before its tests and stopped after them. */
export function serverForTests(name: string, env: Record<string, string> = {}): RunningServer {
  const holder: { server?: RunningServer } = {};
  beforeAll(async () => {
    holder.server = await startServer(name, env);
  });
  afterAll(async () => {
    await holder.server?.stop();
  });
  return {
    get url() {
      return holder.server!.url;
    },
    get apiKey() {
      return holder.server!.apiKey;
    },
    get databaseUrl() {
      return holder.server!.databaseUrl;
    },
    stop: () => holder.server?.stop() ?? Promise.resolve(),
  };
}
