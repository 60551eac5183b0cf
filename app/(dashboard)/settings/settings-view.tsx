"use client";

import { usePermissions } from "@/app/_components/account";
import { PageHeader } from "@/app/_components/ui";
import { Accounts } from "./accounts";
import { ApiKeys } from "./api-keys";
import { Configuration } from "./configuration";
import { Providers } from "./providers";
import { YourAccount } from "./your-account";

export function SettingsView() {
  const { isAdmin } = usePermissions();
  return (
    <>
      <PageHeader title="Settings" description="API keys, dashboard accounts, providers and configuration." />
      <div className="space-y-6">
        <YourAccount />
        {isAdmin && (
          <>
            <ApiKeys />
            <Accounts />
          </>
        )}
        <Providers />
        {isAdmin && <Configuration />}
      </div>
    </>
  );
}
