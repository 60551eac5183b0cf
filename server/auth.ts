import type { Db } from "@/db/client";
import type { AccountRole } from "@/db/schema";
import { authenticateSignIn, sessionTokenFrom } from "./services/accounts";
import { type ApiKeyPrincipal, authenticateApiKey } from "./services/apiKeys";
import type { Actor } from "./services/metadata";

export type { ApiKeyPrincipal };

/** A signed-in dashboard account. */
export interface AccountPrincipal {
  kind: "account";
  accountId: number;
  email: string;
  role: AccountRole;
}

export type Principal = ApiKeyPrincipal | AccountPrincipal;

/** Header the dashboard sends with every tRPC call; other sites cannot set it without CORS consent. */
export const CSRF_HEADER = "x-engram-csrf";

/**
 * How the key came: `Bearer` (Zep's 0.x clients, Engram's own) or `Api-Key` (Zep CE 1.0's Fern
 * client, which also expects JSON where older clients get text).
 */
export type ApiKeyScheme = "Bearer" | "Api-Key";

export interface PresentedKey {
  key: string;
  scheme: ApiKeyScheme;
}

const authorizationPattern = /^(Bearer|Api-Key)\s+(\S+)\s*$/i;

/** The API key in an `Authorization` header value, with the scheme it came in; undefined for anything else. */
export function presentedKey(authorization: string | null | undefined): PresentedKey | undefined {
  if (!authorization) return undefined;
  const match = authorizationPattern.exec(authorization);
  if (!match) return undefined;
  return { key: match[2]!, scheme: match[1]!.toLowerCase() === "bearer" ? "Bearer" : "Api-Key" };
}

/** The one message every 401 of the API carries, whatever was (or was not) sent. */
export const API_KEY_REQUIRED =
  "send a valid API key: Authorization: Bearer <API key> (or Api-Key <API key>)";

/** The principal of the API key in an `Authorization` header value, or null. */
export async function apiKeyPrincipal(
  db: Db,
  authorization: string | null | undefined,
): Promise<ApiKeyPrincipal | null> {
  const presented = presentedKey(authorization);
  return presented ? authenticateApiKey(db, presented.key) : null;
}

/** The request headers auth looks at. */
export interface AuthHeaders {
  authorization?: string | null;
  cookie?: string | null;
  csrf?: string | null;
}

/**
 * Who is calling: an API key in `Authorization`, else a dashboard sign-in cookie. The cookie
 * counts only with the CSRF header, so a cross-site form or script cannot ride it.
 */
export async function resolvePrincipal(db: Db, headers: AuthHeaders): Promise<Principal | null> {
  const presented = presentedKey(headers.authorization);
  if (presented) return authenticateApiKey(db, presented.key);
  const signInToken = sessionTokenFrom(headers.cookie ?? null);
  if (signInToken && headers.csrf) return accountPrincipal(db, signInToken);
  return null;
}

/** The account a sign-in token stands for (also used by server-rendered pages, which read cookies directly). */
export async function accountPrincipal(db: Db, signInToken: string): Promise<AccountPrincipal | null> {
  const account = await authenticateSignIn(db, signInToken);
  return account && { kind: "account", accountId: account.id, email: account.email, role: account.role };
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === "apiKey" ? `api-key:${principal.name}` : `account:${principal.email}`;
}

export type Capability = "read" | "annotate" | "write" | "admin";

/** What each account role may do; API keys act for applications and may read and write data. */
const capabilitiesOf: Record<AccountRole | "apiKey", readonly Capability[]> = {
  admin: ["read", "annotate", "write", "admin"],
  operator: ["read", "annotate", "write"],
  support: ["read", "annotate"],
  apiKey: ["read", "annotate", "write"],
};

export function allows(principal: Principal, capability: Capability): boolean {
  if (principal.kind === "apiKey") {
    // The bootstrap key from the environment may also manage keys, so a fresh install can be run headless.
    return capabilitiesOf.apiKey.includes(capability) || (capability === "admin" && principal.uuid === null);
  }
  return capabilitiesOf[principal.role].includes(capability);
}
