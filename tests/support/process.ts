import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

// Free of vitest, so that every suite's launcher (and a fault test's cluster) can share it.

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The production build the tests run: ENGRAM_DIST_DIR, as `next build` wrote it. */
export const distDir = process.env.ENGRAM_DIST_DIR || ".next";

export interface EngramSpawn {
  port: number;
  databaseUrl: string;
  apiKey: string;
  env?: Record<string, string>;
  /** Its own process group, so that the server and its worker process can be killed together. */
  detached?: boolean;
}

/** Engram's own server entry (`node server.mjs`) on the production build, on 127.0.0.1. */
export function spawnEngram(options: EngramSpawn): ChildProcess {
  return spawn(process.execPath, ["server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ENGRAM_DIST_DIR: distDir,
      DATABASE_URL: options.databaseUrl,
      ENGRAM_API_KEY: options.apiKey,
      HOST: "127.0.0.1",
      PORT: String(options.port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
}
