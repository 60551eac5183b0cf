"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePermissions } from "../../../_components/account";
import { DateTime } from "../../../_components/time";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  ErrorState,
  InlineError,
  Loading,
  Spinner,
} from "../../../_components/ui";
import { formatNumber } from "../../../_lib/format";
import { useTRPC } from "../../../_lib/trpc";
import { LIVE_INTERVAL_MS } from "./queries";

const stateBadge = {
  up_to_date: { tone: "green", label: "Up to date" },
  pending: { tone: "amber", label: "Pending" },
  failing: { tone: "red", label: "Failing" },
} as const;

/** The session's background work: what is owed, and the last failure with a way to retry now. */
export function EnrichmentCard({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const status = useQuery({
    ...trpc.enrichment.status.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS * 2,
  });
  const retry = useMutation(
    trpc.enrichment.retry.mutationOptions({
      onSuccess: (updated) =>
        queryClient.setQueryData(trpc.enrichment.status.queryKey({ sessionId }), updated),
    }),
  );
  const badge = status.data && stateBadge[status.data.state];
  return (
    <Card>
      <CardHeader
        title="Enrichment"
        description="Summaries, entities and embeddings for this session."
        actions={
          badge && (
            <Badge tone={badge.tone} className="gap-1.5">
              {status.data?.in_progress && <Spinner className="size-3" />}
              {badge.label}
            </Badge>
          )
        }
      />
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState error={status.error} retry={() => status.refetch()} />
      ) : (
        <div className="space-y-3 p-4 text-sm">
          <dl className="grid grid-cols-3 gap-2 text-center">
            {(
              [
                ["Unsummarized", status.data.unsummarized_messages],
                ["Messages owed", status.data.unenriched_messages],
                ["Summaries owed", status.data.unenriched_summaries],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-md bg-zinc-50 px-2 py-2 dark:bg-zinc-800/50">
                <dt className="text-[11px] text-zinc-500 dark:text-zinc-400">{label}</dt>
                <dd className="font-semibold tabular-nums">{formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {status.data.fact_extraction === "on"
              ? `Facts: ${formatNumber(status.data.unextracted_messages)} messages not read yet`
              : "Fact extraction off"}
          </p>
          {status.data.state === "failing" && (
            <div
              role="alert"
              className="rounded-md bg-red-50 p-3 text-xs text-red-800 dark:bg-red-500/10 dark:text-red-300"
            >
              <p className="font-medium">
                {status.data.attempts} failed {status.data.attempts === 1 ? "attempt" : "attempts"}, last{" "}
                <DateTime iso={status.data.last_error_at} style="relative" />
              </p>
              <p className="mt-1 wrap-anywhere">{status.data.last_error}</p>
              {status.data.next_attempt_at && (
                <p className="mt-1 opacity-80">
                  Next try <DateTime iso={status.data.next_attempt_at} style="relative" />
                </p>
              )}
            </div>
          )}
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Last completed: <DateTime iso={status.data.last_completed_at} />
          </p>
          {canWrite && status.data.state !== "up_to_date" && (
            <Button size="sm" onClick={() => retry.mutate({ sessionId })} disabled={retry.isPending}>
              {retry.isPending && <Spinner />} Run now
            </Button>
          )}
          <InlineError>{retry.error?.message}</InlineError>
        </div>
      )}
    </Card>
  );
}
