"use client";

import { useQuery } from "@tanstack/react-query";
import { DateTime } from "@/app/_components/time";
import { ErrorState, Loading } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { LIVE_INTERVAL_MS } from "./queries";
import { SummaryRangeText } from "./summary-card";

/** Every summary of the session, newest first, with the messages each one covers. */
export function SummaryHistory({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const summaries = useQuery({
    ...trpc.dashboard.summaries.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS * 5,
  });
  if (summaries.isPending) return <Loading />;
  if (summaries.isError) return <ErrorState error={summaries.error} retry={() => summaries.refetch()} />;
  if (summaries.data.length === 0) {
    return <p className="text-xs text-zinc-600 dark:text-zinc-400">No summaries yet.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Summary history">
      {[...summaries.data].reverse().map((summary, index) => (
        <li key={summary.uuid} data-testid="summary-history-item" className="text-xs">
          <p className="flex flex-wrap gap-x-2 text-zinc-600 dark:text-zinc-400">
            <span className="font-medium text-zinc-800 dark:text-zinc-200">
              {index === 0 ? "Latest" : `#${summaries.data.length - index}`}
            </span>
            <SummaryRangeText range={summary} />
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">
            <DateTime iso={summary.created_at} /> · {formatNumber(summary.token_count)} tokens
          </p>
          <details className="mt-1">
            <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">Read</summary>
            <p className="mt-1 whitespace-pre-wrap text-zinc-800 dark:text-zinc-200" dir="auto">
              {summary.content}
            </p>
          </details>
        </li>
      ))}
    </ol>
  );
}
