import type { ReactNode } from "react";
import { AccountProvider } from "../_components/account";
import { Shell } from "../_components/shell";
import { SignInRedirect } from "../_components/sign-in-redirect";
import { requireAccount } from "../_lib/auth";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const account = await requireAccount();
  if (!account) return <SignInRedirect />;
  return (
    <AccountProvider account={account}>
      <Shell>{children}</Shell>
    </AccountProvider>
  );
}
