import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { authenticateSignIn, needsFirstAdmin, SESSION_COOKIE } from "@/server/services/accounts";
import type { SignedInAccount } from "../_components/account";

/** The account signed in through this request's cookie, if any. */
export async function currentAccount(): Promise<SignedInAccount | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const account = await authenticateSignIn(await db(), token);
  return account && { id: account.id, email: account.email, name: account.name, role: account.role };
}

/**
 * The signed-in account; a visitor before the first admin exists goes to set-up. Null for a visitor
 * who must sign in: the layout sends them from the browser, which knows the page they asked for.
 */
export async function requireAccount(): Promise<SignedInAccount | null> {
  const account = await currentAccount();
  if (account) return account;
  if (await needsFirstAdmin(await db())) redirect("/setup");
  return null;
}
