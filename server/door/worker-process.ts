import { type ChildProcess, fork } from "node:child_process";
import { setPriority } from "node:os";
import { config } from "../config";

/** Longest pause before restarting a worker process that died; the pause doubles from 1 s. */
const MAX_RESTART_DELAY_MS = 30_000;
/** How long a worker process may take to finish its step, release its leases and stop. */
const stopMs = () => config().ENGRAM_SHUTDOWN_TIMEOUT_MS + 5_000;
/** The worker's niceness: when the cores are busy, requests get them first; idle cores go to the worker. */
const WORKER_NICENESS = 10;

export interface WorkerProcess {
  /** Stops the worker process (SIGTERM; it finishes its round in progress), without restarting it. */
  stop(): Promise<void>;
}

/**
 * Runs the background worker in child processes (`node <entry> --worker`, ENGRAM_WORKER_PROCESSES
 * of them), so enrichment's CPU stays off the event loop that serves requests; restarts one that
 * dies. Sessions are leased in Postgres: the processes never work on the same session, and work a
 * dead one held is taken up again once its lease runs out.
 */
export function superviseWorkerProcess(entry: string): WorkerProcess {
  const processes = Array.from({ length: config().ENGRAM_WORKER_PROCESSES }, () => superviseOne(entry));
  return {
    async stop() {
      await Promise.all(processes.map((worker) => worker.stop()));
    },
  };
}

function superviseOne(entry: string): WorkerProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let delay = 1_000;
  let timer: NodeJS.Timeout | undefined;

  const spawnWorker = () => {
    const started = Date.now();
    child = fork(entry, ["--worker"], { env: { ...process.env, ENGRAM_PROCESS_ROLE: "worker" } });
    try {
      if (child.pid !== undefined) setPriority(child.pid, WORKER_NICENESS);
    } catch (error) {
      console.error(`could not lower the background worker's priority: ${(error as Error).message}`);
    }
    child.once("exit", (code, signal) => {
      child = undefined;
      if (stopping) return;
      // A worker that ran for a while before dying starts over with a short pause.
      if (Date.now() - started > MAX_RESTART_DELAY_MS) delay = 1_000;
      console.error(`background worker process exited (${signal ?? code}); restarting in ${delay / 1000} s`);
      timer = setTimeout(spawnWorker, delay);
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    });
  };
  spawnWorker();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      const killer = setTimeout(() => running.kill("SIGKILL"), stopMs());
      await exited;
      clearTimeout(killer);
    },
  };
}
