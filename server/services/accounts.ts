import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import {
  type AccountRole,
  type AccountRow,
  accountChanges,
  accountSessions,
  accounts,
  type JsonObject,
} from "@/db/schema";
import { AppError, invalid, notFound } from "../errors";
import type {
  Account,
  AccountChangeAction,
  AccountHistory,
  AccountHistoryInput,
  ChangePasswordInput,
  CreateAccountInput,
  FirstAdminInput,
  ResetPasswordInput,
  SignInInput,
  UpdateAccountInput,
} from "../schemas/accounts";
import { actorName } from "./audit";
import type { Actor } from "./metadata";

/** How long a dashboard sign-in lasts. */
export const SIGN_IN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The cookie that carries a sign-in token. */
export const SESSION_COOKIE = "engram_session";

// Serializes first-run admin creation across connections and server instances.
const FIRST_ADMIN_LOCK_KEY = 72_616_717;

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 64 } as const;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    created_at: row.createdAt.toISOString(),
    disabled_at: row.disabledAt?.toISOString() ?? null,
  };
}

function deriveKey(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
  keyLength: number,
) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, SCRYPT, SCRYPT.keyLength);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await deriveKey(
    password,
    Buffer.from(salt, "base64"),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

// Verified against when an email is unknown, so a miss takes as long as a wrong password.
const decoyHash = hashPassword(randomBytes(16).toString("hex"));

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function countAccounts(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(accounts);
  return Number(row?.count ?? 0);
}

/** True until the first admin exists. */
export async function needsFirstAdmin(db: Queryable): Promise<boolean> {
  return (await countAccounts(db)) === 0;
}

/** Who changes an account: the acting account (none for the bootstrap API key) as the audit names it. */
export interface AccountActor {
  accountId: number | null;
  actor: Actor;
}

async function recordAccountChange(
  db: Queryable,
  accountId: number,
  action: AccountChangeAction,
  actor: Actor,
  before: JsonObject | null,
  after: JsonObject | null,
): Promise<void> {
  await db.insert(accountChanges).values({ accountId, action, actor, before, after });
}

/** What the audit keeps of an account: never its password or hash. */
const audited = (row: AccountRow): JsonObject => ({
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabledAt !== null,
});

/** Creates the first admin; refused once any account exists, even when two requests race. */
export async function createFirstAdmin(db: Db, input: FirstAdminInput): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    if ((await countAccounts(tx)) > 0) {
      throw new AppError("FORBIDDEN", "Engram already has an admin; sign in instead");
    }
    const [row] = await tx
      .insert(accounts)
      .values({ email: input.email, name: input.name, role: "admin", passwordHash })
      .returning();
    await recordAccountChange(tx, row!.id, "created", `account:${row!.email}`, null, audited(row!));
    return toAccount(row!);
  });
}

export async function createAccount(db: Db, input: CreateAccountInput, by: AccountActor): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accounts)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("ALREADY_EXISTS", `an account for ${input.email} already exists`);
    await recordAccountChange(tx, row.id, "created", by.actor, null, audited(row));
    return toAccount(row);
  });
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  const rows = await db.select().from(accounts).orderBy(asc(accounts.id));
  return rows.map(toAccount);
}

/** Changes an account's role or disabled state; an admin may not lock out the last admin. */
export async function updateAccount(db: Db, input: UpdateAccountInput, by: AccountActor): Promise<Account> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    const [current] = await tx.select().from(accounts).where(eq(accounts.id, input.id));
    if (!current) throw notFound(`account ${input.id}`);
    const losesAdmin =
      current.role === "admin" &&
      ((input.role !== undefined && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      if (current.id === by.accountId) throw invalid("you cannot demote or disable yourself");
      const [admins] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(eq(accounts.role, "admin"), isNull(accounts.disabledAt)));
      if (Number(admins?.count ?? 0) <= 1) throw invalid("Engram must keep at least one admin");
    }
    const roleChanges = input.role !== undefined && input.role !== current.role;
    const disabledChanges = input.disabled !== undefined && input.disabled !== (current.disabledAt !== null);
    if (!roleChanges && !disabledChanges) return toAccount(current);
    const [row] = await tx
      .update(accounts)
      .set({
        ...(roleChanges && { role: input.role }),
        ...(disabledChanges && { disabledAt: input.disabled ? sql`now()` : null }),
        updatedAt: sql`now()`,
      })
      .where(eq(accounts.id, input.id))
      .returning();
    // A role change or a disable ends the account's open sign-ins.
    if (roleChanges || input.disabled) {
      await tx.delete(accountSessions).where(eq(accountSessions.accountId, input.id));
    }
    if (roleChanges) {
      await recordAccountChange(
        tx,
        row!.id,
        "role_changed",
        by.actor,
        { role: current.role },
        { role: row!.role },
      );
    }
    if (disabledChanges) {
      const action = input.disabled ? "disabled" : "enabled";
      await recordAccountChange(
        tx,
        row!.id,
        action,
        by.actor,
        { disabled: !input.disabled },
        { disabled: input.disabled! },
      );
    }
    return toAccount(row!);
  });
}

/**
 * The signed-in account sets a new password, proving it knows the current one. Its other sign-ins
 * end; the one it is using (`keepToken`) stays. Wrong guesses count like failed sign-ins.
 */
export async function changePassword(
  db: Db,
  accountId: number,
  input: ChangePasswordInput,
  keepToken: string | undefined,
): Promise<Account> {
  const [current] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!current || current.disabledAt) throw notFound(`account ${accountId}`);
  const email = current.email.toLowerCase();
  assertSignInAllowed(email);
  if (!(await verifyPassword(input.current_password, current.passwordHash))) {
    recordFailedSignIn(email);
    throw invalid("the current password is wrong");
  }
  if (input.new_password === input.current_password) {
    throw invalid("the new password must differ from the current one");
  }
  const passwordHash = await hashPassword(input.new_password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(accounts.id, accountId))
      .returning();
    await tx
      .delete(accountSessions)
      .where(
        and(
          eq(accountSessions.accountId, accountId),
          keepToken ? ne(accountSessions.tokenHash, hashToken(keepToken)) : undefined,
        ),
      );
    await recordAccountChange(tx, accountId, "password_changed", `account:${current.email}`, null, null);
    return toAccount(row!);
  });
}

/** An admin gives another account a new password; all of that account's sign-ins end. */
export async function resetPassword(db: Db, input: ResetPasswordInput, by: AccountActor): Promise<Account> {
  if (input.id === by.accountId) {
    throw invalid("change your own password with your current one, under Your account");
  }
  const passwordHash = await hashPassword(input.new_password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(accounts.id, input.id))
      .returning();
    if (!row) throw notFound(`account ${input.id}`);
    await tx.delete(accountSessions).where(eq(accountSessions.accountId, input.id));
    await recordAccountChange(tx, input.id, "password_reset", by.actor, null, null);
    return toAccount(row);
  });
}

/** Every account change, newest first, a page at a time. */
export async function listAccountChanges(db: Queryable, input: AccountHistoryInput): Promise<AccountHistory> {
  const actorAccounts = alias(accounts, "actor_account");
  const rows = await db
    .select({
      change: accountChanges,
      email: accounts.email,
      actorAccountName: actorAccounts.name,
    })
    .from(accountChanges)
    .innerJoin(accounts, eq(accounts.id, accountChanges.accountId))
    .leftJoin(actorAccounts, eq(accountChanges.actor, sql`'account:' || ${actorAccounts.email}`))
    .where(input.cursor === undefined ? undefined : lt(accountChanges.id, input.cursor))
    .orderBy(desc(accountChanges.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    changes: page.map(({ change, email, actorAccountName }) => ({
      id: change.id,
      account_id: change.accountId,
      account_email: email,
      action: change.action as AccountChangeAction,
      actor: actorName(change.actor, actorAccountName || null),
      before: change.before,
      after: change.after,
      created_at: change.createdAt.toISOString(),
    })),
    next_cursor: rows.length > input.limit ? page[page.length - 1]!.change.id : null,
  };
}

export interface SignIn {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
  account: Account;
}

/** Failed sign-ins per email, in this process: after a few, each further try must wait longer. */
const failedSignIns = new Map<string, { failures: number; retryAt: number }>();
const FREE_FAILURES = 5;
const MAX_WAIT_MS = 5 * 60_000;

function assertSignInAllowed(email: string, now = Date.now()) {
  const record = failedSignIns.get(email);
  if (record && record.retryAt > now) {
    const seconds = Math.ceil((record.retryAt - now) / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `too many failed sign-ins; try again in ${seconds} s`);
  }
}

function recordFailedSignIn(email: string, now = Date.now()) {
  const failures = (failedSignIns.get(email)?.failures ?? 0) + 1;
  const wait = failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_FAILURES));
  failedSignIns.set(email, { failures, retryAt: now + wait });
  // Bound memory: a flood of made-up emails must not grow the map without end.
  if (failedSignIns.size > 10_000) failedSignIns.delete(failedSignIns.keys().next().value!);
}

/** Checks email and password and opens a sign-in session. */
export async function signIn(db: Queryable, input: SignInInput): Promise<SignIn> {
  assertSignInAllowed(input.email);
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = ${input.email}`);
  const valid = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash));
  if (!row || !valid || row.disabledAt) {
    recordFailedSignIn(input.email);
    throw new AppError("UNAUTHORIZED", "wrong email or password");
  }
  failedSignIns.delete(input.email);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SIGN_IN_TTL_MS);
  // Expired sign-ins of this account go as a new one starts, so the table does not grow forever.
  await db
    .delete(accountSessions)
    .where(and(eq(accountSessions.accountId, row.id), lt(accountSessions.expiresAt, sql`now()`)));
  await db.insert(accountSessions).values({ tokenHash: hashToken(token), accountId: row.id, expiresAt });
  return { token, expiresAt, account: toAccount(row) };
}

/** The account a sign-in token belongs to, or null when it is unknown, expired or disabled. */
export async function authenticateSignIn(db: Queryable, token: string): Promise<AccountRow | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ account: accounts })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .where(
      and(
        eq(accountSessions.tokenHash, hashToken(token)),
        gt(accountSessions.expiresAt, sql`now()`),
        isNull(accounts.disabledAt),
      ),
    );
  return row?.account ?? null;
}

export async function signOut(db: Queryable, token: string): Promise<void> {
  await db.delete(accountSessions).where(eq(accountSessions.tokenHash, hashToken(token)));
}

/** The Set-Cookie value for a sign-in (or, with no token, for signing out). */
export function sessionCookie(token: string | null, options: { secure: boolean; expiresAt?: Date }): string {
  const parts = [
    `${SESSION_COOKIE}=${token ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    token && options.expiresAt ? `Expires=${options.expiresAt.toUTCString()}` : "Max-Age=0",
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** The sign-in token in a Cookie header, if any. */
export function sessionTokenFrom(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || undefined;
  }
  return undefined;
}

export type { AccountRole };
