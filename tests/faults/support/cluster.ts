import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../support/process";

const run = promisify(execFile);
const binaries = process.env.ENGRAM_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Postgres refuses to run as root: as root, run its tools as the `postgres` user. */
async function asPostgres(tool: string, args: string[]): Promise<string> {
  const command = path.join(binaries, tool);
  const isRoot = process.getuid?.() === 0;
  const { stdout } = isRoot
    ? await run("runuser", ["-u", "postgres", "--", command, ...args], { timeout: 60_000 })
    : await run(command, args, { timeout: 60_000 });
  return stdout;
}

/** A Postgres cluster of the test's own, on a free port, that the test may stop and restart at will. */
export interface Cluster {
  port: number;
  /** URL of a database of this cluster (created by `createDatabase`). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  start(): Promise<void>;
  /** Fast shutdown: open connections are terminated (57P01), as on a real restart. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb into a fresh temporary folder (owned by `postgres`); the cluster is not started. */
export async function createCluster(): Promise<Cluster> {
  const folder = mkdtempSync(path.join(tmpdir(), "engram-faults-"));
  if (process.getuid?.() === 0) chownSync(folder, ...(await postgresIds()));
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "postgres.log");
  const port = await freePort();
  await asPostgres("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${folder}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=60",
  ].join(" ");
  const pgCtl = (...args: string[]) => asPostgres("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", ...args]);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

  let running = false;
  return {
    port,
    url,
    async createDatabase(name) {
      await asPostgres("psql", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-qc",
        `create database "${name}"`,
      ]);
      return url(name);
    },
    async start() {
      await pgCtl("-o", serverOptions, "start");
      running = true;
    },
    async stop() {
      await pgCtl("-m", "fast", "stop");
      running = false;
    },
    async restart() {
      await pgCtl("-m", "fast", "-o", serverOptions, "restart");
      running = true;
    },
    async destroy() {
      if (running) await pgCtl("-m", "immediate", "stop").catch(() => {});
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(group.trim())];
}
