import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { config } from "../config";
import { db } from "../db";
import { asAppError, httpStatusOf, trpcCodeOf } from "../errors";
import { jsonReply, readBodyBytes, send, utf8Text } from "../rest/http";
import { type Context, createContext } from "../trpc/init";
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
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * Reads a POST body within ENGRAM_MAX_BODY_BYTES before tRPC sees it (tRPC takes it from
 * `req.body`); over the limit, the 413 goes out here in tRPC's error shape.
 */
async function readWithinLimit(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  try {
    const text = utf8Text(await readBodyBytes(req, config().ENGRAM_MAX_BODY_BYTES));
    (req as IncomingMessage & { body?: string }).body = text;
    return true;
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    const code = trpcCodeOf[appError.code];
    const status = httpStatusOf[appError.code];
    send(
      res,
      jsonReply(
        {
          error: {
            message: appError.message,
            code: TRPC_ERROR_CODES_BY_KEY[code],
            data: { code, httpStatus: status },
          },
        },
        status,
      ),
    );
    return false;
  }
}

/** Serves `/api/trpc/<path>` with tRPC's own Node adapter. */
export async function handleTrpcRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method === "POST" && !(await readWithinLimit(req, res))) return;
  await nodeHTTPRequestHandler({
    router: appRouter,
    req,
    res,
    path,
    createContext: async (): Promise<Context> =>
      createContext(await db(), headersOf(req), { secure: servedOverHttps(req) }),
    // Set-Cookie and the like, added by procedures (sign-in, sign-out).
    responseMeta: ({ ctx }) => ({ headers: ctx?.responseHeaders }),
  });
}
