import { initTRPC, TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import type { AccountRole } from "@/db/schema";
import { asAppError, trpcCodeOf } from "../errors";
import { authenticateSignIn, sessionTokenFrom } from "../services/accounts";
import { type ApiKeyPrincipal, authenticateApiKey } from "../services/apiKeys";
import type { Actor } from "../services/metadata";

/** A signed-in dashboard account. */
export interface AccountPrincipal {
  kind: "account";
  accountId: number;
  email: string;
  role: AccountRole;
}

export type Principal = ApiKeyPrincipal | AccountPrincipal;

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

/** Header the dashboard sends with every tRPC call; other sites cannot set it without CORS consent. */
export const CSRF_HEADER = "x-engram-csrf";

export function bearerToken(headers: Headers): string | undefined {
  const match = /^(?:Bearer|Api-Key)\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1];
}

/**
 * Resolves who is calling: an API key in `Authorization: Bearer`, else a dashboard sign-in cookie.
 * The cookie counts only with the CSRF header, so a cross-site form or script cannot ride it.
 */
export async function resolvePrincipal(db: Db, headers: Headers): Promise<Principal | null> {
  const token = bearerToken(headers);
  if (token) return authenticateApiKey(db, token);
  const signInToken = sessionTokenFrom(headers.get("cookie"));
  if (signInToken && headers.get(CSRF_HEADER)) return accountPrincipal(db, signInToken);
  return null;
}

/** The account a sign-in token stands for (also used by server-rendered pages, which read cookies directly). */
export async function accountPrincipal(db: Db, signInToken: string): Promise<AccountPrincipal | null> {
  const account = await authenticateSignIn(db, signInToken);
  return account && { kind: "account", accountId: account.id, email: account.email, role: account.role };
}

export async function createContext(
  db: Db,
  headers: Headers,
  options: { secure?: boolean } = {},
): Promise<Context> {
  return {
    db,
    principal: await resolvePrincipal(db, headers),
    responseHeaders: new Headers(),
    requestHeaders: headers,
    secure: options.secure ?? false,
  };
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === "apiKey" ? `api-key:${principal.name}` : `account:${principal.email}`;
}

const t = initTRPC.context<Context>().create();

/** Domain errors become their tRPC code; anything else is logged and reported without detail. */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const appError = asAppError(result.error.cause ?? result.error);
  if (appError)
    throw new TRPCError({ code: trpcCodeOf[appError.code], message: appError.message, cause: appError });
  if (result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  console.error(`tRPC ${path} failed:`, result.error.cause ?? result.error);
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error" });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/** For sign-in and first-run set-up: no principal yet, but the CSRF header is still required. */
export const dashboardPublicProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.requestHeaders.get(CSRF_HEADER)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `send the ${CSRF_HEADER} header` });
  }
  return next();
});

type Capability = "read" | "annotate" | "write" | "admin";

/** What each account role may do; API keys act for applications and may read and write data. */
const capabilitiesOf: Record<AccountRole | "apiKey", readonly Capability[]> = {
  admin: ["read", "annotate", "write", "admin"],
  operator: ["read", "annotate", "write"],
  support: ["read", "annotate"],
  apiKey: ["read", "annotate", "write"],
};

function allows(principal: Principal, capability: Capability): boolean {
  if (principal.kind === "apiKey") {
    // The bootstrap key from the environment may also manage keys, so a fresh install can be run headless.
    return capabilitiesOf.apiKey.includes(capability) || (capability === "admin" && principal.uuid === null);
  }
  return capabilitiesOf[principal.role].includes(capability);
}

const requires = (capability: Capability) =>
  publicProcedure.use(({ ctx, next }) => {
    const principal = ctx.principal;
    if (!principal) {
      throw new TRPCError({
        code: "UNAUTHORIZED",
        message: "sign in or send Authorization: Bearer <API key>",
      });
    }
    if (!allows(principal, capability)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `your role may not ${capability}` });
    }
    return next({ ctx: { ...ctx, principal, actor: actorOf(principal) } });
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
