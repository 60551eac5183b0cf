import type { IncomingMessage, ServerResponse } from "node:http";
import { readiness } from "../health";
import { openApiDocument } from "../openapi";
import { handleZepRequest } from "../rest/dispatch";
import { errorReply, jsonReply, type Reply, replyForError, send, textReply } from "../rest/http";
import { handleTrpcRequest } from "./trpc";

/** Next's request handler: pages, the dashboard, static files. */
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** The Zep server version Zep's clients check for at start-up. */
const ZEP_VERSION = "0.27.2";

const READ_ONLY = "GET, HEAD, OPTIONS";

let openApiBody: string | undefined;

/** A fixed resource that answers GET and HEAD (and OPTIONS with what it allows). */
function readOnly(
  req: IncomingMessage,
  res: ServerResponse,
  reply: () => Reply | Promise<Reply>,
): Promise<void> | void {
  if (req.method === "GET" || req.method === "HEAD") {
    const answer = reply();
    if (answer instanceof Promise) return answer.then((value) => send(res, value));
    return send(res, answer);
  }
  if (req.method === "OPTIONS") {
    res.writeHead(204, { Allow: READ_ONLY }).end();
    return;
  }
  send(res, errorReply(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed here`, { Allow: READ_ONLY }));
}

async function readyReply(): Promise<Reply> {
  const state = await readiness();
  return state.ready ? jsonReply(state) : jsonReply(state, 503, { "Retry-After": "5" });
}

/** Sends one request to Engram's own handlers, or to Next for everything that is not the API. */
function route(req: IncomingMessage, res: ServerResponse, next: NextHandler): Promise<void> | void {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (path === "/healthz") {
    return readOnly(req, res, () => textReply(".", 200, { "X-Zep-Version": ZEP_VERSION }));
  }
  if (path === "/readyz") return readOnly(req, res, readyReply);
  if (!path.startsWith("/api/")) return next(req, res);

  const search = queryAt === -1 ? "" : url.slice(queryAt + 1);
  for (const version of ["v1", "v2"] as const) {
    const prefix = `/api/${version}`;
    if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === "/")) {
      return handleZepRequest(req, res, version, path.slice(prefix.length), search);
    }
  }
  if (path.startsWith("/api/trpc/")) return handleTrpcRequest(req, res, path.slice("/api/trpc/".length));
  if (path === "/api/openapi.json") {
    openApiBody ??= JSON.stringify(openApiDocument());
    const body = openApiBody;
    return readOnly(req, res, () => ({ status: 200, headers: { "Content-Type": "application/json" }, body }));
  }
  send(res, errorReply(404, "NOT_FOUND", `no such route: ${req.method} ${path}`));
}

/** A request as logs name it: method and path, never the query string. */
const where = (req: IncomingMessage) => `${req.method} ${(req.url ?? "/").split("?")[0]}`;

/**
 * The request handler of Engram's server: `/healthz`, `/readyz`, `/api/v1`, `/api/v2`,
 * `/api/trpc` and `/api/openapi.json` are served here, everything else by Next.
 */
export function createDoor(next: NextHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      const pending = route(req, res, next);
      if (pending) pending.catch((error: unknown) => send(res, replyForError(error, where(req))));
    } catch (error) {
      send(res, replyForError(error, where(req)));
    }
  };
}
