import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

/**
 * A production build into `distDir`. `next build` points tsconfig.json and next-env.d.ts at the
 * build folder it writes; they are put back as they were, so a benchmark leaves the tree unchanged.
 */
export async function buildServer(distDir: string): Promise<void> {
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => [file, readFileSync(file, "utf8")] as const);
  try {
    await run(process.execPath, [nextBin, "build"], {
      ...process.env,
      ENGRAM_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  } finally {
    for (const [file, text] of kept) writeFileSync(file, text);
  }
}

export interface RunningServer {
  url: string;
  /** The process that listens. */
  pid: number;
  stop(): Promise<void>;
}

/** Starts Engram's server entry (`node server.mjs`) on a loopback port and waits until /healthz answers. */
export function startServer(options: {
  distDir: string;
  port: number;
  env: Record<string, string>;
}): Promise<RunningServer> {
  return startProcess(options.port, [process.execPath, "server.mjs"], {
    ...options.env,
    ENGRAM_DIST_DIR: options.distDir,
    NODE_ENV: "production",
  });
}

/** Starts the bare `node:http` + postgres.js reference server (bench/reference.ts). */
export function startReference(options: { port: number; databaseUrl: string; apiKey: string }) {
  return startProcess(options.port, [process.execPath, tsxCli, "bench/reference.ts"], {
    DATABASE_URL: options.databaseUrl,
    BENCH_API_KEY: options.apiKey,
  });
}

async function startProcess(
  port: number,
  command: string[],
  env: Record<string, string>,
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk);
  });

  const deadline = Date.now() + 60_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`${command.join(" ")} did not answer /healthz within 60 s:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: listeningProcess(child.pid!), stop: () => stopProcess(child) };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // The server was started in its own process group: stop the group, so no worker outlives it.
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses; the fields after its last ")" are fixed.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** The started process, or the descendant whose title says it is the server (tsx runs its script in a child). */
function listeningProcess(rootPid: number): number {
  const descendants = new Set([rootPid]);
  const pids = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of pids) {
      const parent = parentOf(pid);
      if (parent !== undefined && descendants.has(parent) && !descendants.has(pid)) {
        descendants.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of descendants) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (pid !== rootPid && (commandLine.startsWith("next-server") || commandLine.includes("reference.ts")))
        return pid;
    } catch {
      // exited meanwhile
    }
  }
  return rootPid;
}

/**
 * The background worker processes started by the server `parentPid` (waits up to 10 s for the
 * first, then a moment for the others to start beside it).
 */
export async function workerProcessesOf(parentPid: number): Promise<number[]> {
  const find = () =>
    readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          return (
            parentOf(pid) === parentPid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--worker")
          );
        } catch {
          return false; // exited meanwhile
        }
      });
  for (let tries = 0; tries < 50; tries++) {
    if (find().length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return find();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return [];
}

/** Resident memory of a process, in MiB (VmRSS from /proc). */
export function residentMemory(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's resident memory every `intervalMs` until stopped; keeps the peak. */
export function watchMemory(pid: number, intervalMs = 200) {
  let peak = residentMemory(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMemory(pid) ?? 0);
  }, intervalMs);
  timer.unref();
  return {
    get peak() {
      return Math.max(peak, residentMemory(pid) ?? 0);
    },
    stop: () => clearInterval(timer),
  };
}
