import type { Db } from "@/db/client";
import type { AccountRole } from "@/db/schema";
import { type ApiKeyPrincipal } from "../services/apiKeys";
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
export declare const CSRF_HEADER = "x-engram-csrf";
export declare function bearerToken(headers: Headers): string | undefined;
/**
 * Resolves who is calling: an API key in `Authorization: Bearer`, else a dashboard sign-in cookie.
 * The cookie counts only with the CSRF header, so a cross-site form or script cannot ride it.
 */
export declare function resolvePrincipal(db: Db, headers: Headers): Promise<Principal | null>;
/** The account a sign-in token stands for (also used by server-rendered pages, which read cookies directly). */
export declare function accountPrincipal(db: Db, signInToken: string): Promise<AccountPrincipal | null>;
export declare function createContext(db: Db, headers: Headers, options?: {
    secure?: boolean;
}): Promise<Context>;
export declare function actorOf(principal: Principal): Actor;
export declare const router: import("@trpc/server").TRPCRouterBuilder<{
    ctx: Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}>;
export declare const createCallerFactory: import("@trpc/server").TRPCRouterCallerFactory<{
    ctx: Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}>;
export declare const publicProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
/** For sign-in and first-run set-up: no principal yet, but the CSRF header is still required. */
export declare const dashboardPublicProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
export declare const readProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {
    actor: string;
    db: Db;
    principal: Principal;
    requestHeaders: Headers;
    responseHeaders: Headers;
    secure: boolean;
}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
export declare const annotateProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {
    actor: string;
    db: Db;
    principal: Principal;
    requestHeaders: Headers;
    responseHeaders: Headers;
    secure: boolean;
}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
export declare const writeProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {
    actor: string;
    db: Db;
    principal: Principal;
    requestHeaders: Headers;
    responseHeaders: Headers;
    secure: boolean;
}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
export declare const adminProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {
    actor: string;
    db: Db;
    principal: Principal;
    requestHeaders: Headers;
    responseHeaders: Headers;
    secure: boolean;
}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
/** Only for signed-in dashboard accounts (e.g. signing out, account management by an admin). */
export declare const accountProcedure: import("@trpc/server").TRPCProcedureBuilder<Context, object, {
    account: AccountPrincipal;
    actor: string;
    db: Db;
    principal: Principal;
    requestHeaders: Headers;
    responseHeaders: Headers;
    secure: boolean;
}, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, import("@trpc/server").TRPCUnsetMarker, false, import("@trpc/server").TRPCDefaultErrorShape>;
