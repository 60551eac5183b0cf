"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type RefObject, useEffect, useRef, useState } from "react";
import { usePermissions } from "../../_components/account";
import { DateTime } from "../../_components/time";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  Input,
  Kbd,
  PageHeader,
  Select,
  SkeletonRows,
  Spinner,
  Table,
  Td,
  Th,
} from "../../_components/ui";
import { displayName, formatNumber, sessionHref, userHref } from "../../_lib/format";
import { useTRPC } from "../../_lib/trpc";
import { CreateSessionDialog } from "./create-session-dialog";
import { LIST_URL_KEY } from "./list-url";
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

/** A metadata value short enough for a chip. */
function chipValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

function metadataPreview(metadata: Record<string, unknown>) {
  const tags = Array.isArray(metadata.tags) ? metadata.tags.filter((tag) => typeof tag === "string") : [];
  const keys = Object.keys(metadata).filter(
    (key) => key !== "tags" && key !== "system" && metadata[key] !== null,
  );
  return {
    tags: tags.slice(0, 3) as string[],
    entries: keys.slice(0, 3).map((key) => [key, chipValue(metadata[key])] as const),
    more: keys.length - 3,
  };
}

/**
 * A text field's value: what the operator types, until Back or Forward bring another URL (the
 * URL catching up with typing must not overwrite newer keys).
 */
function useDraft(urlValue: string, fromHistory: RefObject<boolean>) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (fromHistory.current) setDraft(urlValue);
  }
  return [draft, setDraft] as const;
}

export function SessionsBrowser() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
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
  // The keyset cursors of the pages before this one ("." never occurs in one).
  const cursors = (params.get("at") ?? "").split(".").filter(Boolean);

  const fromHistory = useRef(false);
  useEffect(() => {
    const onHistory = () => {
      fromHistory.current = true;
    };
    window.addEventListener("popstate", onHistory);
    return () => window.removeEventListener("popstate", onHistory);
  }, []);
  const [draft, setDraft] = useDraft(query, fromHistory);
  const [userDraft, setUserDraft] = useDraft(user, fromHistory);
  const [metadataDraft, setMetadataDraft] = useDraft(metadata, fromHistory);
  const [creating, setCreating] = useState(false);

  function navigate(changes: Record<string, string>, how: "push" | "replace") {
    fromHistory.current = false;
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const search = next.toString();
    router[how](search ? `${pathname}?${search}` : pathname, { scroll: false });
  }
  /** A new search, filter or sort starts again at the first page. */
  const update = (changes: Record<string, string>) => navigate({ ...changes, at: "" }, "replace");

  // The list as it is now, for "← Sessions" on a session page.
  useEffect(() => {
    sessionStorage.setItem(LIST_URL_KEY, `${pathname}?${params}`);
  }, [pathname, params]);

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

  const cursor = cursors.at(-1);
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
          <div className="flex items-center gap-2">
            <label htmlFor="sort" className="sr-only">
              Sort by
            </label>
            <Select
              id="sort"
              value={sort}
              onChange={(event) => update({ sort: event.target.value })}
              className="py-1.5"
            >
              {sorts.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
            <Button
              aria-label={
                order === "desc" ? "Sorted descending; sort ascending" : "Sorted ascending; sort descending"
              }
              onClick={() => update({ order: order === "desc" ? "asc" : "desc" })}
            >
              {order === "desc" ? "↓" : "↑"}
            </Button>
          </div>
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
              {sessions.data.sessions.map((session) => {
                const preview = metadataPreview(session.metadata);
                return (
                  <tr key={session.uuid} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                    <Td className="max-w-xs">
                      <Link
                        href={sessionHref(session.session_id)}
                        prefetch={false}
                        onMouseEnter={() => router.prefetch(sessionHref(session.session_id))}
                        onFocus={() => router.prefetch(sessionHref(session.session_id))}
                        className="block truncate font-medium text-zinc-900 group-hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:group-hover:text-indigo-400"
                      >
                        {session.session_id}
                      </Link>
                      {session.user_id && (
                        <span className="block truncate text-xs text-zinc-500 md:hidden dark:text-zinc-400">
                          {displayName(session.user) || session.user_id}
                        </span>
                      )}
                      {(preview.tags.length > 0 || preview.entries.length > 0) && (
                        <div className="mt-1 flex flex-wrap gap-1">
                          {preview.tags.map((tag) => (
                            <Badge key={tag} tone="indigo">
                              {tag}
                            </Badge>
                          ))}
                          {preview.entries.map(([key, value]) => (
                            <Badge key={key} className="max-w-full font-normal">
                              <span className="truncate" data-testid="metadata-chip">
                                <span className="font-medium">{key}:</span> {value}
                              </span>
                            </Badge>
                          ))}
                          {preview.more > 0 && <Badge>+{preview.more}</Badge>}
                        </div>
                      )}
                    </Td>
                    <Td className="hidden max-w-[14rem] md:table-cell">
                      {session.user_id ? (
                        <Link
                          href={userHref(session.user_id)}
                          prefetch={false}
                          className="block truncate hover:text-indigo-600 dark:hover:text-indigo-400"
                        >
                          <span className="text-zinc-900 dark:text-zinc-100">
                            {displayName(session.user) || session.user_id}
                          </span>
                          {session.user?.email && (
                            <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                              {session.user.email}
                            </span>
                          )}
                        </Link>
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
                );
              })}
            </tbody>
          </Table>
        )}

        <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
          <span className="flex items-center gap-2 text-zinc-500 dark:text-zinc-400">
            {sessions.isFetching && <Spinner />}
            <span data-testid="sessions-total">
              {sessions.data
                ? `${formatNumber(sessions.data.total)} ${sessions.data.total === 1 ? "session" : "sessions"}${filtered ? " match" : ""}`
                : null}
            </span>
            · Page {cursors.length + 1}
            {sessions.data
              ? ` of ${formatNumber(Math.max(1, Math.ceil(sessions.data.total / defaultSessionQuery.limit)))}`
              : ""}
          </span>
          <div className="flex gap-2">
            <Button
              size="sm"
              disabled={cursors.length === 0}
              onClick={() => navigate({ at: cursors.slice(0, -1).join(".") }, "push")}
            >
              ← Previous
            </Button>
            <Button
              size="sm"
              disabled={!sessions.data?.next_cursor}
              onClick={() =>
                sessions.data?.next_cursor &&
                navigate({ at: [...cursors, sessions.data.next_cursor].join(".") }, "push")
              }
            >
              Next →
            </Button>
          </div>
        </div>
      </Card>

      <CreateSessionDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
