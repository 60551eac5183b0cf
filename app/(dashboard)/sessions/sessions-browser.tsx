"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
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
  Kbd,
  PageHeader,
  SkeletonRows,
  Table,
  Td,
  Th,
} from "../../_components/ui";
import { displayName, formatNumber, sessionHref, userHref } from "../../_lib/format";
import { useDraft, useListUrl } from "../../_lib/list-url";
import { useTRPC } from "../../_lib/trpc";
import { CreateSessionDialog } from "./create-session-dialog";
import { defaultSessionQuery } from "./query";

const sorts = [
  { value: "last_activity", label: "Last activity" },
  { value: "created_at", label: "Created" },
  { value: "message_count", label: "Messages" },
  { value: "token_count", label: "Tokens" },
  { value: "session_id", label: "Session id" },
] as const;
type Sort = (typeof sorts)[number]["value"];

/** A date input's day as the start of that day in the viewer's time zone. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const dayEnd = (day: string) => {
  if (!day) return undefined;
  const end = new Date(`${day}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return end.toISOString();
};

export function SessionsBrowser() {
  const trpc = useTRPC();
  const { params, cursors, cursor, fromHistory, update, previousPage, nextPage } = useListUrl("sessions");
  const { canWrite } = usePermissions();
  const searchRef = useRef<HTMLInputElement>(null);

  const query = params.get("q") ?? "";
  const user = params.get("user") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const sort = (sorts.find((option) => option.value === params.get("sort"))?.value ??
    "last_activity") as Sort;
  const order = params.get("order") === "asc" ? "asc" : "desc";
  const metadata = params.get("meta") ?? "";
  const annotated = params.get("annotated") === "1";
  const [draft, setDraft] = useDraft(query, fromHistory);
  const [userDraft, setUserDraft] = useDraft(user, fromHistory);
  const [metadataDraft, setMetadataDraft] = useDraft(metadata, fromHistory);
  const [creating, setCreating] = useState(false);

  // Search and filter as the operator types, a moment after the last key.
  const metadataValid = metadataDraft.trim() === "" || /^[^=]+=/.test(metadataDraft.trim());
  useEffect(() => {
    const changes: Record<string, string> = {};
    if (draft !== query) changes.q = draft;
    if (userDraft.trim() !== user) changes.user = userDraft.trim();
    if (metadataValid && metadataDraft.trim() !== metadata) changes.meta = metadataDraft.trim();
    if (Object.keys(changes).length === 0) return;
    const timer = setTimeout(() => update(changes), 300);
    return () => clearTimeout(timer);
  });

  // "/" focuses the search box, as in most tools.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const sessions = useQuery({
    ...trpc.dashboard.sessions.queryOptions({
      query: query || undefined,
      user_id: user || undefined,
      from: dayStart(from),
      to: dayEnd(to),
      metadata: metadata || undefined,
      has_annotations: annotated || undefined,
      sort,
      order,
      cursor,
      limit: defaultSessionQuery.limit,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

  const filtered = Boolean(query || user || from || to || metadata || annotated);

  return (
    <>
      <PageHeader
        title="Sessions"
        description="Every conversation Engram remembers. Search by id, user, metadata or what was said."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New session
            </Button>
          )
        }
      />

      <Card>
        <div className="grid gap-3 border-b border-zinc-200 p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end dark:border-zinc-800">
          <div className="relative sm:col-span-2 lg:col-span-1">
            <label htmlFor="session-search" className="sr-only">
              Search sessions
            </label>
            <Input
              id="session-search"
              ref={searchRef}
              type="search"
              placeholder="Search id, user, metadata, message text…"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              className="pr-10"
            />
            <span className="pointer-events-none absolute top-2 right-3 hidden sm:block">
              <Kbd>/</Kbd>
            </span>
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
          <div>
            <label htmlFor="metadata-filter" className="sr-only">
              Filter by metadata key=value
            </label>
            <Input
              id="metadata-filter"
              placeholder="metadata key=value"
              value={metadataDraft}
              aria-invalid={!metadataValid}
              aria-describedby={metadataValid ? undefined : "metadata-filter-error"}
              onChange={(event) => setMetadataDraft(event.target.value)}
            />
            {!metadataValid && (
              <p id="metadata-filter-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
                Write it as key=value
              </p>
            )}
          </div>
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              checked={annotated}
              onChange={(event) => update({ annotated: event.target.checked ? "1" : "" })}
              className="size-4 rounded border-zinc-300 accent-indigo-600"
            />
            Has annotations
          </label>
          <div className="flex items-center gap-2">
            <label htmlFor="from" className="text-xs text-zinc-500">
              From
            </label>
            <Input
              id="from"
              type="date"
              value={from}
              onChange={(event) => update({ from: event.target.value })}
              className="py-1.5"
            />
          </div>
          <div className="flex items-center gap-2">
            <label htmlFor="to" className="text-xs text-zinc-500">
              To
            </label>
            <Input
              id="to"
              type="date"
              value={to}
              onChange={(event) => update({ to: event.target.value })}
              className="py-1.5"
            />
          </div>
          <ListSort sorts={sorts} sort={sort} order={order} onChange={update} />
        </div>

        {sessions.isPending ? (
          <SkeletonRows rows={8} />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} retry={() => sessions.refetch()} />
        ) : sessions.data.sessions.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No sessions match"
              description="Try fewer words, another user, or a wider date range."
              action={
                <Button
                  onClick={() => {
                    setDraft("");
                    setUserDraft("");
                    setMetadataDraft("");
                    update({ q: "", user: "", from: "", to: "", meta: "", annotated: "" });
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              title="No sessions yet"
              description="Sessions appear here as soon as an app adds memory through the API."
              action={
                canWrite && (
                  <Button variant="primary" onClick={() => setCreating(true)}>
                    New session
                  </Button>
                )
              }
            />
          )
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Session</Th>
                <Th className="hidden md:table-cell">User</Th>
                <Th className="text-right">Messages</Th>
                <Th className="hidden text-right sm:table-cell">Tokens</Th>
                <Th>Last activity</Th>
                <Th className="hidden xl:table-cell">Created</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {sessions.data.sessions.map((session) => (
                <tr key={session.uuid} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <Td className="max-w-xs">
                    <IntentLink
                      href={sessionHref(session.session_id)}
                      dir="auto"
                      className="block truncate font-medium text-zinc-900 group-hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:group-hover:text-indigo-400"
                    >
                      {session.session_id}
                    </IntentLink>
                    {session.user_id && (
                      <span
                        dir="auto"
                        className="block truncate text-xs text-zinc-500 md:hidden dark:text-zinc-400"
                      >
                        {displayName(session.user) || session.user_id}
                      </span>
                    )}
                    <MetadataChips metadata={session.metadata} />
                  </Td>
                  <Td className="hidden max-w-[14rem] md:table-cell">
                    {session.user_id ? (
                      <IntentLink
                        href={userHref(session.user_id)}
                        className="block truncate hover:text-indigo-600 dark:hover:text-indigo-400"
                      >
                        <span dir="auto" className="block truncate text-zinc-900 dark:text-zinc-100">
                          {displayName(session.user) || session.user_id}
                        </span>
                        {session.user?.email && (
                          <span
                            dir="auto"
                            className="block truncate text-xs text-zinc-500 dark:text-zinc-400"
                          >
                            {session.user.email}
                          </span>
                        )}
                      </IntentLink>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{formatNumber(session.message_count)}</Td>
                  <Td className="hidden text-right tabular-nums sm:table-cell">
                    {formatNumber(session.token_count)}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <DateTime iso={session.last_activity_at} style="relative" />
                  </Td>
                  <Td className="hidden whitespace-nowrap text-zinc-500 xl:table-cell dark:text-zinc-400">
                    <DateTime iso={session.created_at} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}

        <ListPager
          noun={["session", "sessions"]}
          total={sessions.data?.total}
          filtered={filtered}
          page={cursors.length + 1}
          pageSize={defaultSessionQuery.limit}
          fetching={sessions.isFetching}
          nextCursor={sessions.data?.next_cursor}
          onPrevious={previousPage}
          onNext={nextPage}
        />
      </Card>

      <CreateSessionDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
