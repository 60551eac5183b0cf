"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { IntentLink } from "../_components/intent-link";
import { DateTime } from "../_components/time";
import {
  Badge,
  Card,
  CardHeader,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  Segmented,
  Stat,
  Table,
  Td,
  Th,
} from "../_components/ui";
import { formatCompact, formatNumber, sessionHref } from "../_lib/format";
import { useTRPC } from "../_lib/trpc";

// The chart measures the page, so it renders in the browser only.
const ActivityChart = dynamic(() => import("./activity-chart").then((module) => module.ActivityChart), {
  ssr: false,
  loading: () => <div className="h-64" />,
});

export function OverviewView() {
  const trpc = useTRPC();
  const [days, setDays] = useState<"7" | "14" | "30" | "90">("14");
  const overview = useQuery({
    ...trpc.dashboard.overview.queryOptions({ days: Number(days) }),
    refetchInterval: 15_000,
  });
  const enrichment = useQuery({ ...trpc.enrichment.overview.queryOptions(), refetchInterval: 15_000 });
  const failures = useQuery({
    ...trpc.enrichment.failures.queryOptions({ limit: 10 }),
    refetchInterval: 15_000,
  });
  const recent = useQuery({ ...trpc.dashboard.sessions.queryOptions({ limit: 6 }), refetchInterval: 15_000 });

  const totals = overview.data?.activity.reduce((sum, day) => sum + day.messages, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Overview"
        description="How much Engram remembers, how busy it is, and what background work is owed."
      />

      {overview.isError ? (
        <ErrorState error={overview.error} retry={() => overview.refetch()} />
      ) : (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          {(
            [
              ["Sessions", overview.data?.counts.sessions],
              ["Messages", overview.data?.counts.messages],
              ["Users", overview.data?.counts.users],
              ["Summaries", overview.data?.counts.summaries],
              ["Tokens stored", overview.data?.counts.tokens],
              ["Active API keys", overview.data?.counts.active_api_keys],
            ] as const
          ).map(([label, value]) => (
            <Stat
              key={label}
              label={label}
              value={
                value === undefined ? (
                  <span className="inline-block h-7 w-12 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
                ) : (
                  formatCompact(value)
                )
              }
              hint={value !== undefined && value >= 1000 ? formatNumber(value) : undefined}
            />
          ))}
        </div>
      )}

      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <CardHeader
            title="Activity"
            description={
              overview.data
                ? `${formatNumber(totals)} messages in the last ${days} days (UTC days)`
                : "Messages and new sessions per day"
            }
            actions={
              <Segmented
                label="Period"
                value={days}
                onChange={setDays}
                options={[
                  { value: "7", label: "7d" },
                  { value: "14", label: "14d" },
                  { value: "30", label: "30d" },
                  { value: "90", label: "90d" },
                ]}
              />
            }
          />
          <div className="px-2 py-4 sm:px-4">
            {overview.isPending ? (
              <Loading />
            ) : overview.data ? (
              <ActivityChart data={overview.data.activity} />
            ) : null}
            <div className="mt-2 flex gap-4 px-2 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="flex items-center gap-1.5">
                <span className="size-2 rounded-full bg-indigo-500" /> Messages
              </span>
              <span className="flex items-center gap-1.5">
                <span className="size-2 rounded-full bg-emerald-500" /> New sessions
              </span>
            </div>
          </div>
        </Card>

        <Card>
          <CardHeader
            title="Enrichment"
            description="Summaries, token counts, entities and embeddings run in the background."
          />
          {enrichment.isPending ? (
            <Loading />
          ) : enrichment.isError ? (
            <ErrorState error={enrichment.error} retry={() => enrichment.refetch()} />
          ) : (
            <div className="space-y-4 p-4 text-sm">
              <div className="flex flex-wrap gap-1.5">
                <Badge tone={enrichment.data.worker ? "green" : "amber"}>
                  Worker {enrichment.data.worker ? "on" : "off"}
                </Badge>
                <Badge tone="indigo">Summarizer: {enrichment.data.summarizer}</Badge>
                <Badge tone={enrichment.data.embedder ? "indigo" : "zinc"}>
                  Embeddings: {enrichment.data.embedder ?? "none"}
                </Badge>
                <Badge tone={enrichment.data.entities ? "indigo" : "zinc"}>
                  Entities {enrichment.data.entities ? "on" : "off"}
                </Badge>
                <Badge tone={enrichment.data.facts ? "indigo" : "zinc"}>
                  {enrichment.data.facts ? `Facts: ${enrichment.data.facts}` : "Fact extraction off"}
                </Badge>
              </div>
              <dl className="grid grid-cols-2 gap-3">
                {(
                  [
                    ["Sessions pending", enrichment.data.sessions_pending, false],
                    ["Sessions failing", enrichment.data.sessions_failing, true],
                    ["Messages to enrich", enrichment.data.messages_unenriched, false],
                    ["Summaries to enrich", enrichment.data.summaries_unenriched, false],
                  ] as const
                ).map(([label, value, bad]) => (
                  <div key={label} className="rounded-lg bg-zinc-50 px-3 py-2 dark:bg-zinc-800/50">
                    <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
                    <dd
                      className={`mt-0.5 text-lg font-semibold tabular-nums ${bad && value > 0 ? "text-red-600 dark:text-red-400" : ""}`}
                    >
                      {formatNumber(value)}
                    </dd>
                  </div>
                ))}
              </dl>
              <div>
                <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                  Recent failures
                </h3>
                {failures.isPending ? (
                  <Loading />
                ) : failures.isError ? (
                  <ErrorState error={failures.error} />
                ) : failures.data.length === 0 ? (
                  <p className="flex items-center gap-2 text-sm text-emerald-700 dark:text-emerald-400">
                    <span className="size-2 rounded-full bg-emerald-500" /> No failures
                  </p>
                ) : (
                  <ul className="space-y-2">
                    {failures.data.map((failure) => (
                      <li
                        key={failure.session_id}
                        className="rounded-md bg-red-50 px-3 py-2 text-xs dark:bg-red-500/10"
                      >
                        <IntentLink
                          href={sessionHref(failure.session_id)}
                          dir="auto"
                          className="font-mono font-medium text-red-800 hover:underline dark:text-red-300"
                        >
                          {failure.session_id}
                        </IntentLink>
                        <p className="mt-0.5 wrap-anywhere text-red-700 dark:text-red-300/80">
                          {failure.last_error}
                        </p>
                        <p className="mt-0.5 text-red-600/80 dark:text-red-400/70">
                          {failure.attempts} attempts · last{" "}
                          <DateTime iso={failure.last_error_at} style="relative" /> · next{" "}
                          <DateTime iso={failure.next_attempt_at} style="relative" />
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader
          title="Recently active sessions"
          actions={
            <IntentLink
              href="/sessions"
              className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              All sessions →
            </IntentLink>
          }
        />
        {recent.isPending ? (
          <Loading />
        ) : recent.isError ? (
          <ErrorState error={recent.error} retry={() => recent.refetch()} />
        ) : recent.data.sessions.length === 0 ? (
          <EmptyState
            title="No sessions yet"
            description="Point an app's Zep client or the tRPC client at Engram and add memory."
          />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Session</Th>
                <Th>User</Th>
                <Th className="text-right">Messages</Th>
                <Th>Last activity</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {recent.data.sessions.map((session) => (
                <tr key={session.uuid} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <Td className="max-w-xs">
                    <IntentLink
                      href={sessionHref(session.session_id)}
                      dir="auto"
                      className="block truncate font-medium hover:text-indigo-600 dark:hover:text-indigo-400"
                    >
                      {session.session_id}
                    </IntentLink>
                  </Td>
                  <Td className="max-w-[14rem] text-zinc-600 dark:text-zinc-400">
                    <span dir="auto" className="block truncate">
                      {session.user_id ?? "—"}
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{formatNumber(session.message_count)}</Td>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <DateTime iso={session.last_activity_at} style="relative" />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
