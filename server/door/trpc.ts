import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import {
  type AnyMiddlewareFunction,
  type AnyProcedure,
  defaultTransformer,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  type MiddlewareResult,
  middlewareMarker,
  type ProcedureCallOptions,
  type TRPCResponse,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import { config } from "../config";
import { db } from "../db";
import { withinRequestDeadline } from "../deadline";
import {
  type AppError,
  asAppError,
  httpStatusOf,
  logFailure,
  RETRY_AFTER_SECONDS,
  trpcCodeOf,
} from "../errors";
import { jsonReply, type Reply, readBodyBytes, send, utf8Text } from "../rest/http";
import { createContext } from "../trpc/init";
import { appRouter } from "../trpc/root";

/** Direct https, or https ended at a proxy that says so. */
function servedOverHttps(req: IncomingMessage): boolean {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return proto ? proto === "https" : "encrypted" in req.socket && req.socket.encrypted === true;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/** An error in tRPC's shape, for failures outside tRPC's own handling (body limit, deadline). */
function trpcErrorReply(appError: AppError): Reply {
  const code = trpcCodeOf[appError.code];
  const status = httpStatusOf[appError.code];
  const shape = {
    message: appError.message,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: { code, httpStatus: status },
  };
  return jsonReply(
    { error: shape },
    status,
    status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {},
  );
}

/** A POST body within ENGRAM_MAX_BODY_BYTES, or a 413 sent here in tRPC's error shape (undefined then). */
async function bodyWithinLimit(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  try {
    return utf8Text(await readBodyBytes(req, config().ENGRAM_MAX_BODY_BYTES));
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    send(res, trpcErrorReply(appError));
    return undefined;
  }
}

/** The caller's context; resolving the caller needs the database, so an outage is a 503 here too. */
async function contextFor(headers: Headers, secure: boolean) {
  try {
    return await createContext(await db(), headers, { secure });
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    if (appError.code === "UNAVAILABLE") logFailure("tRPC context", error);
    throw new TRPCError({ code: trpcCodeOf[appError.code], message: appError.message, cause: appError });
  }
}

/**
 * Serves `/api/trpc/<path>` with tRPC's own request resolver. A JSON reply (every non-streaming
 * link) goes out in one write with its length; a streamed one is piped as it comes.
 */
export async function handleTrpcRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  try {
    await withinRequestDeadline(() => resolveTrpc(req, res, path));
  } catch (error) {
    const appError = asAppError(error);
    if (!appError || res.headersSent) throw error;
    send(res, trpcErrorReply(appError));
  }
}

async function resolveTrpc(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  let body: string | undefined;
  if (req.method === "POST") {
    body = await bodyWithinLimit(req, res);
    if (body === undefined) return;
  }
  const headers = headersOf(req);
  const secure = servedOverHttps(req);
  const calls = await plainCallsOf(req, path, body);
  if (calls) return answerPlainCalls(res, calls, headers, secure);
  const request = new Request(`${secure ? "https" : "http"}://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body,
  });
  const response = await resolveResponse({
    router: appRouter,
    req: request,
    path,
    error: null,
    createContext: () => contextFor(headers, secure),
    // Set-Cookie and the like, added by procedures (sign-in, sign-out); Retry-After in an outage.
    responseMeta: ({ ctx, errors }) => {
      const headers = new Headers(ctx?.responseHeaders);
      if (errors.some((error) => error.code === "SERVICE_UNAVAILABLE"))
        headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return { headers };
    },
  });

  const replyHeaders: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") replyHeaders[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) replyHeaders["set-cookie"] = cookies;
  if (!response.body || response.headers.get("content-type")?.startsWith("application/json")) {
    const text = await response.text();
    replyHeaders["content-length"] = String(Buffer.byteLength(text));
    res.writeHead(response.status, replyHeaders).end(text);
    return;
  }
  res.writeHead(response.status, replyHeaders);
  Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(res);
}

/**
 * tRPC's common case: queries over GET or mutations over POST, one or a batch, with JSON input and
 * a JSON answer. They are answered here with tRPC's own procedures, error shapes and status rules,
 * without building a fetch Request and Response for each call (which cost more CPU than the
 * procedure itself on a fast read). Everything else (streams, subscriptions, form data, unknown
 * paths, wrong methods, unreadable input) goes to tRPC's `resolveResponse`, which answers it.
 */
interface PlainCalls {
  type: "query" | "mutation";
  batch: boolean;
  calls: { path: string; procedure: AnyProcedure; input: unknown }[];
}

/** tRPC reads input as JSON when the content type is `application/json`, or absent on a GET. */
function jsonInput(req: IncomingMessage): boolean {
  const contentType = req.headers["content-type"];
  if (contentType === undefined) return req.method === "GET";
  return contentType.split(";", 1)[0]!.trim() === "application/json";
}

async function plainCallsOf(
  req: IncomingMessage,
  path: string,
  body: string | undefined,
): Promise<PlainCalls | undefined> {
  const type = req.method === "GET" ? "query" : req.method === "POST" ? "mutation" : undefined;
  if (!type || !jsonInput(req) || req.headers["trpc-accept"] !== undefined || path.includes("%"))
    return undefined;
  const queryStart = req.url?.indexOf("?") ?? -1;
  const search = new URLSearchParams(queryStart === -1 ? "" : req.url!.slice(queryStart + 1));
  const batch = search.get("batch") === "1";
  const text = type === "query" ? search.get("input") || undefined : body;
  // An empty POST body is a parse error, which tRPC words itself.
  if (type === "mutation" && !text) return undefined;
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
  const paths = batch ? path.split(",") : [path];
  if (batch && raw !== undefined && (raw === null || typeof raw !== "object" || Array.isArray(raw)))
    return undefined;
  const calls: PlainCalls["calls"] = [];
  for (const [index, callPath] of paths.entries()) {
    const procedure = await getProcedureAtPath(appRouter, callPath);
    if (!procedure || procedure._def.type !== type) return undefined;
    const given = batch ? (raw as Record<string, unknown> | undefined)?.[index] : raw;
    const input =
      given === undefined ? undefined : appRouter._def._config.transformer.input.deserialize(given);
    calls.push({ path: callPath, procedure, input });
  }
  return { type, batch, calls };
}

/**
 * Calls a procedure as tRPC's own procedure caller does: its middlewares in order, each `next`
 * merging the `ctx` it is given into the one it had and passing on `input` and `getRawInput`, a
 * throw anywhere becoming a failed result, and a failed result thrown at the end. The same steps
 * written with native object spreads: tRPC's build copies each level's options and context through
 * a helper that cost a fast read more CPU than the rest of tRPC's handling together. A procedure
 * with a caller override goes through tRPC itself.
 */
async function callProcedure(procedure: AnyProcedure, options: ProcedureCallOptions<unknown>) {
  if (procedure._def.experimental_caller) return procedure(options);
  // A built procedure keeps its builder's definition, middlewares included, which its type omits.
  const { middlewares } = procedure._def as unknown as { middlewares: AnyMiddlewareFunction[] };
  const result = await callMiddleware(middlewares, procedure._def.meta, 0, options);
  if (!result) {
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "a middleware returned no result" });
  }
  if (!result.ok) throw result.error;
  return result.data;
}

async function callMiddleware(
  middlewares: AnyMiddlewareFunction[],
  meta: unknown,
  index: number,
  options: ProcedureCallOptions<unknown>,
): Promise<MiddlewareResult<unknown>> {
  try {
    return await middlewares[index]!({
      ...options,
      meta,
      input: options.input,
      next: (given?: { ctx?: object; input?: unknown; getRawInput?: () => Promise<unknown> }) =>
        callMiddleware(middlewares, meta, index + 1, {
          ...options,
          ctx: given?.ctx ? { ...(options.ctx as object), ...given.ctx } : options.ctx,
          input: given && "input" in given ? given.input : options.input,
          getRawInput: given?.getRawInput ?? options.getRawInput,
        }),
    } as Parameters<AnyMiddlewareFunction>[0]);
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker };
  }
}

async function answerPlainCalls(
  res: ServerResponse,
  { type, batch, calls }: PlainCalls,
  headers: Headers,
  secure: boolean,
): Promise<void> {
  const config = appRouter._def._config;
  let ctx: Awaited<ReturnType<typeof contextFor>> | undefined;
  let contextError: unknown;
  try {
    ctx = await contextFor(headers, secure);
  } catch (error) {
    contextError = error;
  }
  const unavailable = { seen: false };
  const answers: TRPCResponse[] = await Promise.all(
    calls.map(async ({ path, procedure, input }, batchIndex): Promise<TRPCResponse> => {
      try {
        if (!ctx) throw contextError;
        const data = await callProcedure(procedure, {
          path,
          getRawInput: async () => input,
          ctx,
          type,
          signal: undefined,
          batchIndex,
        });
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        if (error.code === "SERVICE_UNAVAILABLE") unavailable.seen = true;
        return { error: getErrorShape({ config, ctx, error, input, path, type }) };
      }
    }),
  );
  const replyHeaders: Record<string, string | string[]> = {
    vary: "trpc-accept, accept",
    "content-type": "application/json",
  };
  const cookies = ctx?.responseHeaders.getSetCookie() ?? [];
  if (cookies.length > 0) replyHeaders["set-cookie"] = cookies;
  for (const [name, value] of ctx?.responseHeaders ?? [])
    if (name !== "set-cookie") replyHeaders[name] = value;
  if (unavailable.seen) replyHeaders["retry-after"] = String(RETRY_AFTER_SECONDS);
  const json = batch ? answers : answers[0]!;
  // Without a transformer (tRPC's default, which changes nothing) the answer is written as it is.
  const text = JSON.stringify(
    config.transformer === defaultTransformer ? json : transformTRPCResponse(config, json),
  );
  replyHeaders["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(getHTTPStatusCode(json), replyHeaders).end(text);
}
