"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DateTime } from "@/app/_components/time";
import { Button, InlineError, Loading } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

const actionLabels: Record<string, string> = {
  created: "Account created",
  role_changed: "Role changed",
  disabled: "Disabled",
  enabled: "Enabled",
  password_changed: "Password changed by its owner",
  password_reset: "Password reset by an admin",
};

function detail(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (before?.role !== undefined && after?.role !== undefined) return `${before.role} → ${after.role}`;
  if (!before && after?.role !== undefined) return `as ${after.role}`;
  return null;
}

/** Who changed which account, newest first: creation, roles, disabling and passwords. */
export function AccountHistory() {
  const [open, setOpen] = useState(false);
  return (
    <div className="border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide change history" : "Show change history"}
      </Button>
      {open && <AccountChanges />}
    </div>
  );
}

function AccountChanges() {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.accounts.history.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.next_cursor ?? undefined },
    ),
  );
  if (history.isPending) return <Loading label="Loading history…" />;
  if (history.isError) return <InlineError>{history.error.message}</InlineError>;
  const changes = history.data.pages.flatMap((page) => page.changes);
  return (
    <>
      <ol
        aria-label="Account change history"
        className="mt-2 divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
      >
        {changes.map((change) => {
          const more = detail(change.before, change.after);
          return (
            <li
              key={change.id}
              data-testid="account-change"
              className="flex flex-wrap items-baseline gap-x-2 py-2"
            >
              <span className="font-medium text-zinc-900 dark:text-zinc-100">
                {actionLabels[change.action] ?? change.action}
              </span>
              <span className="text-zinc-700 dark:text-zinc-300">{change.account_email}</span>
              {more && <span className="text-zinc-600 dark:text-zinc-400">{more}</span>}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                by {change.actor} · <DateTime iso={change.created_at} style="relative" />
              </span>
            </li>
          );
        })}
      </ol>
      {history.hasNextPage && (
        <Button size="sm" onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          Older changes
        </Button>
      )}
    </>
  );
}
