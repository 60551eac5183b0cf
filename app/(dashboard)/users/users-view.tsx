"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { usePermissions } from "../../_components/account";
import { IntentLink } from "../../_components/intent-link";
import { ListPager } from "../../_components/list-pager";
import { ListSort } from "../../_components/list-sort";
import { MetadataChips } from "../../_components/metadata-chips";
import { DateTime } from "../../_components/time";
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  Input,
  PageHeader,
  SkeletonRows,
  Table,
  Td,
  Th,
} from "../../_components/ui";
import { displayName, formatNumber, userHref } from "../../_lib/format";
import { useDraft, useListUrl } from "../../_lib/list-url";
import { useTRPC } from "../../_lib/trpc";
import { CreateUserDialog } from "./create-user-dialog";
import { defaultUserQuery } from "./query";

const sorts = [
  { value: "created_at", label: "Created" },
  { value: "user_id", label: "User id" },
  { value: "session_count", label: "Sessions" },
] as const;
type Sort = (typeof sorts)[number]["value"];

export function UsersView() {
  const trpc = useTRPC();
  const { canWrite } = usePermissions();
  const { params, cursors, cursor, fromHistory, update, previousPage, nextPage } = useListUrl("users");
  const [creating, setCreating] = useState(false);

  const query = params.get("q") ?? "";
  const user = params.get("user") ?? "";
  const sort = (sorts.find((option) => option.value === params.get("sort"))?.value ??
    defaultUserQuery.sort) as Sort;
  const order = params.get("order") === "asc" ? "asc" : "desc";
  const [draft, setDraft] = useDraft(query, fromHistory);
  const [userDraft, setUserDraft] = useDraft(user, fromHistory);

  // Search and filter as the operator types, a moment after the last key.
  useEffect(() => {
    const changes: Record<string, string> = {};
    if (draft.trim() !== query) changes.q = draft.trim();
    if (userDraft.trim() !== user) changes.user = userDraft.trim();
    if (Object.keys(changes).length === 0) return;
    const timer = setTimeout(() => update(changes), 300);
    return () => clearTimeout(timer);
  });

  const users = useQuery({
    ...trpc.dashboard.users.queryOptions({
      query: query || undefined,
      user_id: user || undefined,
      sort,
      order,
      cursor,
      limit: defaultUserQuery.limit,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const filtered = Boolean(query || user);

  return (
    <>
      <PageHeader
        title="Users"
        description="The people your apps talk to. Each user can own many sessions."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New user
            </Button>
          )
        }
      />
      <Card>
        <div className="grid gap-3 border-b border-zinc-200 p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end dark:border-zinc-800">
          <div>
            <label htmlFor="user-search" className="sr-only">
              Search users
            </label>
            <Input
              id="user-search"
              type="search"
              placeholder="Search user id, name, email, metadata…"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <div>
            <label htmlFor="user-filter" className="sr-only">
              Filter by user id
            </label>
            <Input
              id="user-filter"
              placeholder="User id starts with…"
              value={userDraft}
              onChange={(event) => setUserDraft(event.target.value)}
            />
          </div>
          <ListSort sorts={sorts} sort={sort} order={order} onChange={update} />
        </div>
        {users.isPending ? (
          <SkeletonRows rows={8} />
        ) : users.isError ? (
          <ErrorState error={users.error} retry={() => users.refetch()} />
        ) : users.data.users.length === 0 && filtered ? (
          <EmptyState
            title="No users match"
            description="Try another id, name, email or metadata value."
            action={
              <Button
                onClick={() => {
                  setDraft("");
                  setUserDraft("");
                  update({ q: "", user: "" });
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : users.data.users.length === 0 ? (
          <EmptyState
            title="No users yet"
            description="Users appear when an app creates them through the API, or when you add one here."
            action={
              canWrite && (
                <Button variant="primary" onClick={() => setCreating(true)}>
                  New user
                </Button>
              )
            }
          />
        ) : (
          <UsersTable users={users.data.users} />
        )}
        <ListPager
          noun={["user", "users"]}
          total={users.data?.total}
          filtered={filtered}
          page={cursors.length + 1}
          pageSize={defaultUserQuery.limit}
          fetching={users.isFetching}
          nextCursor={users.data?.next_cursor}
          onPrevious={previousPage}
          onNext={nextPage}
        />
      </Card>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

type UserRow = inferRouterOutputs<AppRouter>["dashboard"]["users"]["users"][number];

function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>User</Th>
          <Th className="hidden sm:table-cell">Email</Th>
          <Th className="text-right">Sessions</Th>
          <Th className="hidden md:table-cell">Created</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {users.map((user) => (
          <tr key={user.uuid} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <Td className="max-w-xs">
              <IntentLink
                href={userHref(user.user_id)}
                dir="auto"
                className="block truncate font-medium group-hover:text-indigo-600 dark:group-hover:text-indigo-400"
              >
                {displayName(user) || user.user_id}
              </IntentLink>
              {displayName(user) && (
                <span
                  dir="auto"
                  className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400"
                >
                  {user.user_id}
                </span>
              )}
              <MetadataChips metadata={user.metadata} />
            </Td>
            <Td className="hidden max-w-[16rem] sm:table-cell">
              <span dir="auto" className="block truncate text-zinc-600 dark:text-zinc-400">
                {user.email ?? "—"}
              </span>
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(user.session_count)}</Td>
            <Td className="hidden whitespace-nowrap text-zinc-500 md:table-cell dark:text-zinc-400">
              <DateTime iso={user.created_at} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
