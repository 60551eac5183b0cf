"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { LIVE_INTERVAL_MS } from "./queries";

/** Runs `onChange` whenever `signature` takes a new value after its first. */
function useOnChange(signature: string | undefined, onChange: () => void) {
  const last = useRef(signature);
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (signature === undefined) return;
    if (last.current !== undefined && last.current !== signature) handler.current();
    last.current = signature;
  }, [signature]);
}

/**
 * The open session page's live signal: the session row (its counts and last message) and its
 * enrichment state, each one small query polled. When new turns arrive or background work lands,
 * every view of the session refreshes at once, whichever tab is open, and the lists and overview
 * elsewhere in the dashboard are marked out of date.
 */
export function useLiveSession(sessionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useQuery({
    ...trpc.sessions.get.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const enrichment = useQuery({
    ...trpc.enrichment.status.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS * 2,
  });

  const views = [
    trpc.messages.transcript.pathKey(),
    trpc.memory.get.pathKey(),
    trpc.dashboard.promptPreview.pathKey(),
    trpc.dashboard.summaries.pathKey(),
  ];
  // A fetch in flight (say, older transcript pages a #uuid link asked for) is left to finish.
  const refresh = (queryKeys: readonly (readonly unknown[])[]) => {
    for (const queryKey of queryKeys) queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
  };

  const turns = session.data
    ? [session.data.message_count, session.data.token_count, session.data.last_message_at].join("|")
    : undefined;
  useOnChange(turns, () =>
    refresh([
      ...views,
      trpc.enrichment.status.queryKey({ sessionId }),
      trpc.users.sessions.pathKey(),
      trpc.dashboard.sessions.pathKey(),
      trpc.dashboard.users.pathKey(),
      trpc.dashboard.overview.pathKey(),
      trpc.enrichment.overview.pathKey(),
    ]),
  );

  // Summaries and entities land without new turns: enrichment's progress says when.
  const work = enrichment.data
    ? [
        enrichment.data.unsummarized_messages,
        enrichment.data.unenriched_messages,
        enrichment.data.unenriched_summaries,
        enrichment.data.last_completed_at,
      ].join("|")
    : undefined;
  useOnChange(work, () => refresh(views));

  return session;
}
