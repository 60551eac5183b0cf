"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { DateTime } from "@/app/_components/time";
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  roleTypeTone,
  SkeletonRows,
  Spinner,
} from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { AppRouter } from "@/server/trpc/root";

type Match = inferRouterOutputs<AppRouter>["messages"]["searchInSession"]["matches"][number];

const RESULTS_PAGE = 20;

/** The snippet with each occurrence of the search text marked. */
function Snippet({ match }: { match: Match }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const { start, length } of match.highlights) {
    if (start > at) parts.push(match.snippet.slice(at, start));
    parts.push(
      <mark
        key={start}
        className="rounded-sm bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-400/30 dark:text-amber-100"
      >
        {match.snippet.slice(start, start + length)}
      </mark>,
    );
    at = start + length;
  }
  parts.push(match.snippet.slice(at));
  return (
    <p
      dir="auto"
      data-testid="search-snippet"
      className="mt-1 text-sm wrap-anywhere text-zinc-800 dark:text-zinc-200"
    >
      {match.cut_start && "…"}
      {parts}
      {match.cut_end && "…"}
    </p>
  );
}

/**
 * Every message of the session that holds the search text, found on the server (not only the loaded
 * pages), newest first; choosing one opens the transcript at it.
 */
export function TranscriptSearchResults({
  sessionId,
  query,
  onChoose,
}: {
  sessionId: string;
  query: string;
  /** Called as a result's `#uuid` link is followed. */
  onChoose: (uuid: string) => void;
}) {
  const trpc = useTRPC();
  const results = useInfiniteQuery(
    trpc.messages.searchInSession.infiniteQueryOptions(
      { sessionId, query, limit: RESULTS_PAGE },
      { getNextPageParam: (page) => page.next_cursor ?? undefined },
    ),
  );
  if (results.isPending) return <SkeletonRows rows={4} />;
  if (results.isError) return <ErrorState error={results.error} retry={() => results.refetch()} />;
  const total = results.data.pages[0]?.total ?? 0;
  const matches = results.data.pages.flatMap((page) => page.matches);
  if (total === 0)
    return (
      <EmptyState title="No message matches" description="No message of this session contains that text." />
    );
  return (
    <>
      <p
        role="status"
        data-testid="transcript-search-total"
        className="px-4 pt-3 text-xs text-zinc-600 sm:px-5 dark:text-zinc-400"
      >
        {formatNumber(total)} {total === 1 ? "message matches" : "messages match"} in the whole session,
        newest first
      </p>
      <ol aria-label="Search results" className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {matches.map((match) => (
          <li key={match.uuid} data-testid="search-result">
            <a
              href={`#${match.uuid}`}
              onClick={(event) => {
                // The results leave the page as the transcript returns, before a link of theirs could be followed.
                event.preventDefault();
                window.location.hash = match.uuid;
                onChoose(match.uuid);
              }}
              className="block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 sm:px-5 dark:hover:bg-zinc-800/40"
            >
              <span className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
                  Message {formatNumber(match.number)}
                </span>
                <span dir="auto" className="font-semibold">
                  {match.role || "—"}
                </span>
                <Badge tone={roleTypeTone[match.role_type]}>{match.role_type}</Badge>
                <DateTime iso={match.created_at} />
              </span>
              <Snippet match={match} />
            </a>
          </li>
        ))}
      </ol>
      {results.hasNextPage && (
        <div className="border-t border-zinc-100 px-4 py-3 text-center dark:border-zinc-800">
          <Button size="sm" onClick={() => results.fetchNextPage()} disabled={results.isFetchingNextPage}>
            {results.isFetchingNextPage && <Spinner />} More results
          </Button>
        </div>
      )}
    </>
  );
}
