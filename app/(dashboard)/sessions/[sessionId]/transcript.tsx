"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button, EmptyState, ErrorState, Input, SkeletonRows, Spinner } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { MAX_TRANSCRIPT_QUERY_CHARS } from "@/server/schemas/limits";
import { MessageItem } from "./message-item";
import { LIVE_INTERVAL_MS, nextTranscriptCursor, TRANSCRIPT_PAGE, transcriptInput } from "./queries";
import { SummaryCard } from "./summary-card";
import { linkToolCalls } from "./tool-calls";
import { TranscriptSearchResults } from "./transcript-search";

/** Someone changed the message's metadata after it was added (only such changes touch `updated_at`). */
const isAnnotated = (message: { created_at: string; updated_at: string }) =>
  message.updated_at !== message.created_at;

/** The message a `#uuid` link points at, following the browser's hash. */
function useLinkedMessage(): string | null {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setTarget(decodeURIComponent(window.location.hash.slice(1)) || null);
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  return target;
}

/**
 * Scrolls the window just enough for the transcript's end to show, when the page opens with it
 * below the fold (on a phone the transcript comes after the header and the numbers).
 */
function revealEnd(transcript: HTMLElement) {
  const hidden = transcript.getBoundingClientRect().bottom - window.innerHeight;
  if (hidden > 0) window.scrollBy({ top: hidden, behavior: "instant" });
}

/**
 * The whole conversation like a chat: opens on the newest messages, scrolled to the end; older pages
 * load above without moving what the reader sees; `#uuid` links load back to their message.
 */
export function Transcript({ sessionId, messageCount }: { sessionId: string; messageCount: number }) {
  const trpc = useTRPC();
  const messages = useInfiniteQuery({
    ...trpc.messages.transcript.infiniteQueryOptions(transcriptInput(sessionId), {
      getNextPageParam: nextTranscriptCursor,
    }),
    // New turns arrive through the session's live signal; this catches others' annotations.
    refetchInterval: LIVE_INTERVAL_MS * 5,
  });
  const summaries = useQuery({
    ...trpc.dashboard.summaries.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS * 5,
  });
  const linked = useLinkedMessage();
  const [search, setSearch] = useState("");
  // The server searches a moment after the last key.
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const searching = query !== "";
  const [annotatedOnly, setAnnotatedOnly] = useState(false);

  const seen = new Set<string>();
  const ordered = (messages.data?.pages ?? [])
    .flatMap((page) => page.messages)
    .filter((message) => !seen.has(message.uuid) && seen.add(message.uuid))
    .sort((a, b) => a.position - b.position);
  const oldest = ordered[0]?.position;
  const latest = ordered.at(-1)?.position;
  const linkedLoaded = linked !== null && seen.has(linked);

  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const before = useRef<{ oldest: number | undefined; height: number; top: number } | null>(null);
  const placed = useRef(false);
  const shownLink = useRef<string | null>(null);

  // A summary landing between messages, or a message growing, must not push the end out of view.
  const keepEnd = useCallback((list: HTMLOListElement | null) => {
    if (!list) return;
    const observer = new ResizeObserver(() => {
      const element = scroller.current;
      if (element && placed.current && atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  // Results begin at the top of the panel.
  useEffect(() => {
    if (query && scroller.current) scroller.current.scrollTop = 0;
  }, [query]);

  // A linked message not loaded yet lies further back: load older pages until it is found.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const loaded = messages.isSuccess;
  const observed = useRef(messages);
  observed.current = messages;
  useEffect(() => {
    if (!linked || !loaded) return;
    let stopped = false;
    const holds = (result: typeof observed.current) =>
      result.data?.pages.some((page) => page.messages.some((message) => message.uuid === linked)) ?? false;
    (async () => {
      // One page after another until the message is in; a fetch in flight (the live refresh) is awaited, not cancelled.
      let result = observed.current;
      while (!stopped && result.hasNextPage && !holds(result)) {
        result = await fetchNextPage({ cancelRefetch: false });
      }
    })();
    return () => {
      stopped = true;
    };
  }, [linked, loaded, fetchNextPage]);

  useLayoutEffect(() => {
    const element = scroller.current;
    // Search results stand in for the transcript: nothing to place until they go.
    if (!element || latest === undefined || searching) return;
    if (linkedLoaded && linked && shownLink.current !== linked) {
      document.getElementById(linked)?.scrollIntoView({ block: "center" });
      shownLink.current = linked;
      placed.current = true;
      atBottom.current = false;
      return;
    }
    if (linked && !linkedLoaded && hasNextPage) return;
    const kept = before.current;
    if (kept && kept.oldest !== oldest) {
      // Older messages were added above: keep the same messages in view.
      element.scrollTop = element.scrollHeight - kept.height + kept.top;
      before.current = null;
    } else if (!placed.current || atBottom.current) {
      element.scrollTop = element.scrollHeight;
      // After the router's own scroll to the top of a page it has just opened.
      if (!placed.current) requestAnimationFrame(() => revealEnd(element));
      placed.current = true;
    }
  }, [oldest, latest, linked, linkedLoaded, hasNextPage, searching]);

  if (messages.isPending) return <SkeletonRows rows={6} />;
  if (messages.isError) return <ErrorState error={messages.error} retry={() => messages.refetch()} />;

  if (ordered.length === 0) {
    return (
      <EmptyState
        title="No messages yet"
        description="This page updates by itself: messages added through the API appear here within seconds."
      />
    );
  }

  const summaryAfter = new Map(
    (summaries.data ?? []).map((summary) => [summary.recent_message_uuid, summary]),
  );
  const toolLinks = linkToolCalls(ordered);
  const annotatedCount = ordered.filter(isAnnotated).length;
  const shown = ordered.filter((message) => !annotatedOnly || isAnnotated(message));
  const earlier = Math.max(0, messageCount - ordered.length);

  function loadOlder() {
    const element = scroller.current;
    if (element) before.current = { oldest, height: element.scrollHeight, top: element.scrollTop };
    fetchNextPage();
  }

  return (
    <div
      ref={scroller}
      data-testid="transcript-scroller"
      className="max-h-[calc(100dvh-18rem)] min-h-80 overflow-y-auto [overflow-anchor:none]"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      {searching ? null : hasNextPage ? (
        <div className="flex flex-wrap items-center justify-center gap-3 border-b border-zinc-100 px-5 py-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <span data-testid="earlier-count">
            {earlier > 0
              ? `${formatNumber(earlier)} earlier ${earlier === 1 ? "message" : "messages"} not shown`
              : "Earlier messages not shown"}
          </span>
          <Button size="sm" onClick={loadOlder} disabled={isFetchingNextPage}>
            {isFetchingNextPage && <Spinner />} Load{" "}
            {formatNumber(Math.min(earlier || TRANSCRIPT_PAGE, TRANSCRIPT_PAGE))} earlier
          </Button>
        </div>
      ) : (
        <p className="border-b border-zinc-100 px-5 py-2 text-center text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Start of the conversation
        </p>
      )}
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-zinc-100 bg-white/95 px-4 py-2 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900/95">
        <label htmlFor="transcript-search" className="sr-only">
          Search this transcript
        </label>
        <Input
          id="transcript-search"
          type="search"
          placeholder="Search the whole transcript…"
          maxLength={MAX_TRANSCRIPT_QUERY_CHARS}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="max-w-xs py-1 text-xs"
        />
        <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={annotatedOnly}
            onChange={(event) => setAnnotatedOnly(event.target.checked)}
            className="size-4 accent-indigo-600"
          />
          Annotated only ({formatNumber(annotatedCount)})
        </label>
        {annotatedOnly && !searching && (
          <span
            className="text-xs text-zinc-600 dark:text-zinc-400"
            data-testid="transcript-filter-note"
            role="status"
          >
            {formatNumber(shown.length)} of {formatNumber(ordered.length)} loaded messages
          </span>
        )}
      </div>
      {searching ? (
        <TranscriptSearchResults
          sessionId={sessionId}
          query={query}
          onChoose={(uuid) => {
            setSearch("");
            setQuery("");
            // Choosing the result already linked shows it again.
            if (uuid === linked) shownLink.current = null;
          }}
        />
      ) : (
        <ol ref={keepEnd} className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Transcript">
          {shown.map((message) => {
            const summary = summaryAfter.get(message.uuid);
            return (
              <li key={message.uuid}>
                <MessageItem
                  message={message}
                  sessionId={sessionId}
                  annotatable
                  linkable
                  highlighted={message.uuid === linked}
                  annotated={isAnnotated(message)}
                  toolLinks={toolLinks}
                />
                {summary && (
                  <div className="px-4 pb-4 sm:px-5">
                    <SummaryCard summary={summary} range={summary} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
