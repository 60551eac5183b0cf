import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { distDir, freePort, spawnEngram } from "../../support/process";

/** Engram's server entry (server.mjs) on the production build, as a process the test may signal or kill. */
export interface EngramProcess {
  url: string;
  apiKey: string;
  child: ChildProcess;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills what is left (tests' clean-up). */
  stop(): Promise<void>;
  /** SIGKILL to the server and its worker process at once. */
  crash(): void;
}

export const faultApiKey = "fault-injection-api-key-0123456789";

/** Starts Engram on `databaseUrl` and waits until /healthz (liveness, no database) answers. */
export async function launchEngram(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<EngramProcess> {
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID")))
    throw new Error(`No production build in ${distDir}/: run npx next build first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so that a crash can take the server and its worker process together.
  const child = spawnEngram({ port, databaseUrl, apiKey: faultApiKey, env, detached: true });
  let log = "";
  const capture = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-200_000);
  };
  child.stdout!.on("data", capture);
  child.stderr!.on("data", capture);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    crash();
    await exited;
  };
  /** SIGKILL to the server and its worker process at once, as a machine or container crash. */
  const crash = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Engram exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Engram did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, apiKey: faultApiKey, child, output: () => log, exited, stop, crash };
}

/** One request's outcome, timed from the client's side. */
export interface Outcome {
  startedAt: number;
  ms: number;
  /** HTTP status, or 0 when no reply came (connection refused, reset, client timeout). */
  status: number;
  body: string;
  retryAfter: string | null;
}

/** A REST call with a client-side limit well above any deadline, so a hang shows as a long `ms`. */
export async function call(
  server: Pick<EngramProcess, "url" | "apiKey">,
  method: string,
  route: string,
  body?: unknown,
): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${server.apiKey}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(45_000),
    });
    const text = await response.text();
    return {
      startedAt,
      ms: performance.now() - startedAt,
      status: response.status,
      body: text,
      retryAfter: response.headers.get("retry-after"),
    };
  } catch (error) {
    return { startedAt, ms: performance.now() - startedAt, status: 0, body: String(error), retryAfter: null };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined) or `limitMs` passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  limitMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = performance.now() + limitMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`not within ${limitMs} ms`);
    await sleep(everyMs);
  }
}
