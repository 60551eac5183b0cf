import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { config } from "../config";
import { stopEngram } from "../start";
import { createDoor, type NextHandler } from "./index";

export interface ServeOptions {
  hostname: string;
  port: number;
  /** Next's request handler, for everything that is not the API. */
  next: NextHandler;
  /** Next's WebSocket upgrade handler (hot reloading in development). */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;
  /** Closes Next once no request is left. */
  closeNext?: () => Promise<void>;
}

/** How long in-flight requests may take to finish after SIGTERM or SIGINT. */
const DRAIN_MS = 10_000;
/** How long stopping the worker (ENGRAM_SHUTDOWN_TIMEOUT_MS) and closing the database may take before the process exits anyway. */
const stopMs = () => config().ENGRAM_SHUTDOWN_TIMEOUT_MS + 5_000;

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(resolve, ms, false).unref()),
  ]);

/** Stops accepting, lets requests in flight finish (bounded), stops Engram, then exits 0. */
async function shutDown(server: Server, options: ServeOptions, signal: string): Promise<never> {
  console.log(`${signal}: finishing requests in flight, then stopping`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections without a request in flight close now; the others once their reply is out.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  if (!(await within(closed, DRAIN_MS))) {
    console.error(`requests still in flight after ${DRAIN_MS} ms: closing their connections`);
    server.closeAllConnections();
  }
  clearInterval(idle);
  const stopped = (async () => {
    await options.closeNext?.();
    await stopEngram();
  })();
  if (!(await within(stopped, stopMs()))) console.error(`Engram did not stop within ${stopMs()} ms`);
  process.exit(0);
}

/** Serves Engram (its API here, everything else through Next) until SIGTERM or SIGINT. */
export function serve(options: ServeOptions): Promise<Server> {
  const server = createServer({ keepAliveTimeout: 5_000 }, createDoor(options.next));
  if (options.upgrade) server.on("upgrade", options.upgrade);
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutDown(server, options, signal);
    });
  }
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      console.log(`Engram listening on http://${options.hostname}:${options.port}`);
      resolve(server);
    });
  });
}
