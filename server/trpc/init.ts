import { initTRPC, TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { actorOf, allows, type Capability, CSRF_HEADER, type Principal, resolvePrincipal } from "../auth";
import { asAppError, logFailure, trpcCodeOf } from "../errors";

const API_KEY_OR_SIGN_IN = "sign in or send Authorization: Bearer <API key> (or Api-Key <API key>)";

// Auth lives in server/auth.ts; these names stay importable from here for existing callers.
export { type AccountPrincipal, accountPrincipal, actorOf, CSRF_HEADER, type Principal } from "../auth";

export interface Context {
  db: Db;
  principal: Principal | null;
  /** Headers to add to the response (e.g. Set-Cookie on sign-in). */
  responseHeaders: Headers;
  /** The request's headers (the sign-in token lives in its Cookie header). */
  requestHeaders: Headers;
  /** Whether the request came over https, so cookies get the Secure flag. */
  secure: boolean;
}

export async function createContext(
  db: Db,
  headers: Headers,
  options: { secure?: boolean } = {},
): Promise<Context> {
  const principal = await resolvePrincipal(db, {
    authorization: headers.get("authorization"),
    cookie: headers.get("cookie"),
    csrf: headers.get(CSRF_HEADER),
  });
  return {
    db,
    principal,
    responseHeaders: new Headers(),
    requestHeaders: headers,
    secure: options.secure ?? false,
  };
}

const t = initTRPC.context<Context>().create();

/** Domain errors become their tRPC code; anything else is logged and reported without detail. */
function mapErrors<R extends { ok: boolean; error?: unknown }>(result: R, path: string): R {
  if (result.ok) return result;
  const error = result.error as TRPCError;
  const appError = asAppError(error.cause ?? error);
  if (appError?.code === "UNAVAILABLE") logFailure(`tRPC ${path}`, error.cause ?? error);
  if (appError)
    throw new TRPCError({ code: trpcCodeOf[appError.code], message: appError.message, cause: appError });
  if (error.code !== "INTERNAL_SERVER_ERROR") return result;
  logFailure(`tRPC ${path}`, error.cause ?? error);
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error" });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(async ({ next, path }) => mapErrors(await next(), path));

/** For sign-in and first-run set-up: no principal yet, but the CSRF header is still required. */
export const dashboardPublicProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.requestHeaders.get(CSRF_HEADER)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `send the ${CSRF_HEADER} header` });
  }
  return next();
});

/**
 * A procedure for callers whose role allows `capability`, with their principal and actor in its
 * context. One middleware does both this and the error mapping: each level of tRPC's middleware
 * chain costs a hot read measurable CPU.
 */
const requires = (capability: Capability) =>
  t.procedure.use(async ({ ctx, next, path }) => {
    const principal = ctx.principal;
    if (!principal) {
      throw new TRPCError({
        code: "UNAUTHORIZED",
        message: API_KEY_OR_SIGN_IN,
      });
    }
    if (!allows(principal, capability)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `your role may not ${capability}` });
    }
    // tRPC merges this into the context it has.
    return mapErrors(await next({ ctx: { principal, actor: actorOf(principal) } }), path);
  });

export const readProcedure = requires("read");
export const annotateProcedure = requires("annotate");
export const writeProcedure = requires("write");
export const adminProcedure = requires("admin");

/** Only for signed-in dashboard accounts (e.g. signing out, account management by an admin). */
export const accountProcedure = requires("read").use(({ ctx, next }) => {
  if (ctx.principal.kind !== "account")
    throw new TRPCError({ code: "FORBIDDEN", message: "sign in to the dashboard" });
  return next({ ctx: { ...ctx, account: ctx.principal } });
});
