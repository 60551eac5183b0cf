import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { type AccountRole, type AccountRow, accountRoles, accountSessions, accounts } from "@/db/schema";
import { AppError, notFound } from "../errors";
import { storableText } from "../schemas/common";

/** How long a dashboard sign-in lasts. */
export const SIGN_IN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The cookie that carries a sign-in token. */
export const SESSION_COOKIE = "engram_session";

// Serializes first-run admin creation across connections and server instances.
const FIRST_ADMIN_LOCK_KEY = 72_616_717;

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 64 } as const;

export const accountRoleSchema = z.enum(accountRoles, {
  error: `role must be one of ${accountRoles.join(", ")}`,
});

const emailSchema = storableText("email").pipe(
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "email must be an email address" }).max(256)),
);
const passwordSchema = z
  .string({ error: "password must be a string" })
  .min(10, "password must be at least 10 characters")
  .max(1024, "password is too long");
const nameSchema = storableText("name").pipe(z.string().trim().max(100, "name is too long"));

export const createAccountInput = z.object({
  email: emailSchema,
  name: nameSchema.default(""),
  password: passwordSchema,
  role: accountRoleSchema,
});
export type CreateAccountInput = z.input<typeof createAccountInput>;

export const firstAdminInput = createAccountInput.omit({ role: true });
export type FirstAdminInput = z.input<typeof firstAdminInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(256),
  password: z.string().max(1024),
});
export type SignInInput = z.input<typeof signInInput>;

export const updateAccountInput = z.object({
  id: z.number().int().positive(),
  role: accountRoleSchema.optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateAccountInput = z.input<typeof updateAccountInput>;

export const accountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: accountRoleSchema,
  created_at: z.string(),
  disabled_at: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

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

/** Creates the first admin; refused once any account exists, even when two requests race. */
export async function createFirstAdmin(db: Db, rawInput: FirstAdminInput): Promise<Account> {
  const input = firstAdminInput.parse(rawInput);
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
    return toAccount(row!);
  });
}

export async function createAccount(db: Queryable, rawInput: CreateAccountInput): Promise<Account> {
  const input = createAccountInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(accounts)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError("ALREADY_EXISTS", `an account for ${input.email} already exists`);
  return toAccount(row);
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  const rows = await db.select().from(accounts).orderBy(asc(accounts.id));
  return rows.map(toAccount);
}

/** Changes an account's role, password or disabled state; an admin may not lock out the last admin. */
export async function updateAccount(
  db: Db,
  rawInput: UpdateAccountInput,
  actingAccountId: number,
): Promise<Account> {
  const input = updateAccountInput.parse(rawInput);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    const [current] = await tx.select().from(accounts).where(eq(accounts.id, input.id));
    if (!current) throw notFound(`account ${input.id}`);
    const losesAdmin =
      current.role === "admin" &&
      ((input.role !== undefined && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      if (current.id === actingAccountId)
        throw new AppError("INVALID", "you cannot demote or disable yourself");
      const [admins] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(accounts)
        .where(and(eq(accounts.role, "admin"), isNull(accounts.disabledAt)));
      if (Number(admins?.count ?? 0) <= 1)
        throw new AppError("INVALID", "Engram must keep at least one admin");
    }
    const [row] = await tx
      .update(accounts)
      .set({
        ...(input.role !== undefined && { role: input.role }),
        ...(input.disabled !== undefined && { disabledAt: input.disabled ? sql`now()` : null }),
        ...(passwordHash !== undefined && { passwordHash }),
        updatedAt: sql`now()`,
      })
      .where(eq(accounts.id, input.id))
      .returning();
    // A role change, a disable or a new password ends the account's open sign-ins.
    if (input.role !== undefined || input.disabled || passwordHash !== undefined) {
      await tx.delete(accountSessions).where(eq(accountSessions.accountId, input.id));
    }
    return toAccount(row!);
  });
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
export async function signIn(db: Queryable, rawInput: SignInInput): Promise<SignIn> {
  const input = signInInput.parse(rawInput);
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
