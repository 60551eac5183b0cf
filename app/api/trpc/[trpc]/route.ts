import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { config } from "@/server/config";
import { db } from "@/server/db";
import { withinRequestDeadline } from "@/server/deadline";
import {
  type AppError,
  asAppError,
  httpStatusOf,
  logFailure,
  RETRY_AFTER_SECONDS,
  trpcCodeOf,
} from "@/server/errors";
import { readBodyBytes } from "@/server/rest/http";
import { createContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

/** Direct https, or https ended at a proxy that says so. */
function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}

/**
 * The request with its body read within ENGRAM_MAX_BODY_BYTES, or a 413 in tRPC's error shape
 * (the body is read before tRPC sees the request, so tRPC cannot reply itself).
 */
async function withinSizeLimit(request: Request): Promise<Request | Response> {
  if (request.method !== "POST") return request;
  try {
    return new Request(request, {
      body: new Uint8Array(await readBodyBytes(request, config().ENGRAM_MAX_BODY_BYTES)),
    });
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    return errorResponse(appError);
  }
}

/** An error in tRPC's shape, for failures before or beyond tRPC's own handling. */
function errorResponse(appError: AppError): Response {
  const code = trpcCodeOf[appError.code];
  const status = httpStatusOf[appError.code];
  return Response.json(
    {
      error: {
        message: appError.message,
        code: TRPC_ERROR_CODES_BY_KEY[code],
        data: { code, httpStatus: status },
      },
    },
    { status, headers: status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {} },
  );
}

/** The request within ENGRAM_REQUEST_TIMEOUT_MS, or a 503 in tRPC's shape. */
async function handler(incoming: Request) {
  return withinRequestDeadline(() => serve(incoming)).catch((error: unknown) => {
    const appError = asAppError(error);
    if (!appError) throw error;
    return errorResponse(appError);
  });
}

async function serve(incoming: Request) {
  const request = await withinSizeLimit(incoming);
  if (request instanceof Response) return request;
  let context: Awaited<ReturnType<typeof createContext>> | undefined;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => {
      try {
        context = await createContext(await db(), request.headers, { secure: servedOverHttps(request) });
      } catch (error) {
        // Resolving the caller needs the database: an outage is a 503 here too, not a 500.
        const appError = asAppError(error);
        if (!appError) throw error;
        if (appError.code === "UNAVAILABLE") logFailure("tRPC context", error);
        throw new TRPCError({ code: trpcCodeOf[appError.code], message: appError.message, cause: appError });
      }
      return context;
    },
    responseMeta: ({ errors }) =>
      errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
        ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } }
        : {},
  });
  for (const [key, value] of context?.responseHeaders ?? []) response.headers.append(key, value);
  return response;
}

export { handler as GET, handler as POST };
