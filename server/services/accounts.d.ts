import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { type AccountRole, type AccountRow } from "@/db/schema";
/** How long a dashboard sign-in lasts. */
export declare const SIGN_IN_TTL_MS: number;
/** The cookie that carries a sign-in token. */
export declare const SESSION_COOKIE = "engram_session";
export declare const accountRoleSchema: z.ZodEnum<{
    admin: "admin";
    operator: "operator";
    support: "support";
}>;
export declare const createAccountInput: z.ZodObject<{
    email: z.ZodPipe<z.ZodString, z.ZodPipe<z.ZodString, z.ZodEmail>>;
    name: z.ZodDefault<z.ZodPipe<z.ZodString, z.ZodString>>;
    password: z.ZodString;
    role: z.ZodEnum<{
        admin: "admin";
        operator: "operator";
        support: "support";
    }>;
}, z.core.$strip>;
export type CreateAccountInput = z.input<typeof createAccountInput>;
export declare const firstAdminInput: z.ZodObject<{
    email: z.ZodPipe<z.ZodString, z.ZodPipe<z.ZodString, z.ZodEmail>>;
    name: z.ZodDefault<z.ZodPipe<z.ZodString, z.ZodString>>;
    password: z.ZodString;
}, z.core.$strip>;
export type FirstAdminInput = z.input<typeof firstAdminInput>;
export declare const signInInput: z.ZodObject<{
    email: z.ZodString;
    password: z.ZodString;
}, z.core.$strip>;
export type SignInInput = z.input<typeof signInInput>;
export declare const updateAccountInput: z.ZodObject<{
    id: z.ZodNumber;
    role: z.ZodOptional<z.ZodEnum<{
        admin: "admin";
        operator: "operator";
        support: "support";
    }>>;
    disabled: z.ZodOptional<z.ZodBoolean>;
    password: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type UpdateAccountInput = z.input<typeof updateAccountInput>;
export declare const accountSchema: z.ZodObject<{
    id: z.ZodNumber;
    email: z.ZodString;
    name: z.ZodString;
    role: z.ZodEnum<{
        admin: "admin";
        operator: "operator";
        support: "support";
    }>;
    created_at: z.ZodString;
    disabled_at: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
export type Account = z.infer<typeof accountSchema>;
export declare function toAccount(row: AccountRow): Account;
/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export declare function hashPassword(password: string): Promise<string>;
export declare function verifyPassword(password: string, stored: string): Promise<boolean>;
export declare function countAccounts(db: Queryable): Promise<number>;
/** True until the first admin exists. */
export declare function needsFirstAdmin(db: Queryable): Promise<boolean>;
/** Creates the first admin; refused once any account exists, even when two requests race. */
export declare function createFirstAdmin(db: Db, rawInput: FirstAdminInput): Promise<Account>;
export declare function createAccount(db: Queryable, rawInput: CreateAccountInput): Promise<Account>;
export declare function listAccounts(db: Queryable): Promise<Account[]>;
/** Changes an account's role, password or disabled state; an admin may not lock out the last admin. */
export declare function updateAccount(db: Db, rawInput: UpdateAccountInput, actingAccountId: number): Promise<Account>;
export interface SignIn {
    /** The secret for the cookie; only its hash is stored. */
    token: string;
    expiresAt: Date;
    account: Account;
}
/** Checks email and password and opens a sign-in session. */
export declare function signIn(db: Queryable, rawInput: SignInInput): Promise<SignIn>;
/** The account a sign-in token belongs to, or null when it is unknown, expired or disabled. */
export declare function authenticateSignIn(db: Queryable, token: string): Promise<AccountRow | null>;
export declare function signOut(db: Queryable, token: string): Promise<void>;
/** The Set-Cookie value for a sign-in (or, with no token, for signing out). */
export declare function sessionCookie(token: string | null, options: {
    secure: boolean;
    expiresAt?: Date;
}): string;
/** The sign-in token in a Cookie header, if any. */
export declare function sessionTokenFrom(cookieHeader: string | null): string | undefined;
export type { AccountRole };
