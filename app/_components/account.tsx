"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { AccountRole } from "@/db/schema";

export interface SignedInAccount {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
}

const AccountContext = createContext<SignedInAccount | null>(null);

export function AccountProvider({ account, children }: { account: SignedInAccount; children: ReactNode }) {
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

export function useAccount(): SignedInAccount {
  const account = useContext(AccountContext);
  if (!account) throw new Error("useAccount outside the signed-in layout");
  return account;
}

/** What the signed-in role may do; the server enforces the same rules. */
export function usePermissions() {
  const { role } = useAccount();
  return {
    canWrite: role === "admin" || role === "operator",
    canAnnotate: true,
    isAdmin: role === "admin",
  };
}
