"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { usePermissions } from "../../../_components/account";
import { BackToList } from "../../../_components/back-to-list";
import { type JsonObject, MetadataHistory, MetadataPanel } from "../../../_components/metadata";
import { DateTime } from "../../../_components/time";
import {
  Button,
  Card,
  CardHeader,
  ConfirmDialog,
  cx,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  Spinner,
} from "../../../_components/ui";
import { formatNumber, userHref } from "../../../_lib/format";
import { useTRPC, useTRPCClient } from "../../../_lib/trpc";
import { EnrichmentCard } from "./enrichment-card";
import { download, fileNameFor, loadSessionExport, toMarkdown } from "./export";
import { useLiveSession } from "./live";
import { MemoryView, memoryTypeLabels } from "./memory-view";
import { SessionOwner } from "./session-owner";
import { SummaryHistory } from "./summary-history";
import { Transcript } from "./transcript";

type Tab = "transcript" | "memory";

export function SessionView({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { canWrite, canAnnotate } = usePermissions();
  const [tab, setTab] = useState<Tab>("transcript");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exporting, setExporting] = useState<"json" | "markdown" | null>(null);
  const [exportError, setExportError] = useState<string>();

  const session = useLiveSession(sessionId);
  const annotate = useMutation(
    trpc.sessions.annotate.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sessions.get.queryKey({ sessionId }), updated);
        return queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const remove = useMutation(
    trpc.memory.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
        router.push("/sessions");
      },
    }),
  );

  async function exportAs(format: "json" | "markdown") {
    setExporting(format);
    setExportError(undefined);
    try {
      const data = await loadSessionExport(client, sessionId);
      if (format === "json")
        download(`${fileNameFor(sessionId)}.json`, JSON.stringify(data, null, 2), "application/json");
      else download(`${fileNameFor(sessionId)}.md`, toMarkdown(data), "text/markdown");
    } catch (error) {
      setExportError((error as Error).message);
    } finally {
      setExporting(null);
    }
  }

  if (session.isPending) return <Loading label="Loading session…" />;
  const notFound =
    session.isError && session.error instanceof TRPCClientError && session.error.data?.code === "NOT_FOUND";
  // A live refresh that failed (say, offline) keeps the page it shows; a deleted session does not.
  if (session.isError && (!session.data || notFound)) {
    return notFound ? (
      <Card>
        <EmptyState
          title="Session not found"
          description={`No session "${sessionId}" exists, or it was deleted.`}
          action={
            <Link
              href="/sessions"
              className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Back to sessions
            </Link>
          }
        />
      </Card>
    ) : (
      <ErrorState error={session.error} retry={() => session.refetch()} />
    );
  }
  const data = session.data;

  return (
    <>
      <PageHeader
        breadcrumb={<BackToList list="sessions" />}
        title={
          <span className="font-mono text-xl sm:text-2xl" dir="auto">
            {data.session_id}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {data.user_id ? (
              <span>
                User{" "}
                <Link
                  href={userHref(data.user_id)}
                  dir="auto"
                  className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {data.user_id}
                </Link>
              </span>
            ) : (
              <span>No user</span>
            )}
            <span>
              Created <DateTime iso={data.created_at} />
            </span>
            <span className="inline-flex items-center gap-1.5" title="This page refreshes by itself">
              <span className="relative flex size-2">
                <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />
                <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
              </span>
              Live
            </span>
          </span>
        }
        actions={
          <>
            <SessionOwner sessionId={sessionId} userId={data.user_id} />
            <Button onClick={() => exportAs("json")} disabled={exporting !== null}>
              {exporting === "json" && <Spinner />} Export JSON
            </Button>
            <Button onClick={() => exportAs("markdown")} disabled={exporting !== null}>
              {exporting === "markdown" && <Spinner />} Export Markdown
            </Button>
            {canWrite && (
              <Button variant="danger" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            )}
          </>
        }
      />
      {exportError && <ErrorState error={{ message: `Export failed: ${exportError}` }} />}

      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["Messages", formatNumber(data.message_count)],
            ["Tokens", formatNumber(data.token_count)],
            [
              "Last activity",
              <DateTime key="v" iso={data.last_message_at ?? data.created_at} style="relative" />,
            ],
            ["Default memory", data.memory_type ? memoryTypeLabels[data.memory_type] : "Server default"],
          ] as [string, ReactNode][]
        ).map(([label, value]) => (
          <div
            key={label}
            className="rounded-lg bg-white px-4 py-3 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800"
          >
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{label}</p>
            <p className="mt-0.5 truncate text-base font-semibold tabular-nums" data-testid={`stat-${label}`}>
              {value}
            </p>
          </div>
        ))}
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0 self-start overflow-hidden">
          <div
            role="tablist"
            aria-label="Session views"
            className="flex gap-1 border-b border-zinc-200 px-3 pt-2 dark:border-zinc-800"
          >
            {(
              [
                ["transcript", "Transcript"],
                ["memory", "Memory (what the LLM gets)"],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                role="tab"
                id={`tab-${value}`}
                aria-selected={tab === value}
                aria-controls="session-tabpanel"
                tabIndex={tab === value ? 0 : -1}
                onClick={() => setTab(value)}
                onKeyDown={(event) => {
                  // Arrow keys, Home and End move between tabs, as the ARIA tabs pattern has it.
                  const order: Tab[] = ["transcript", "memory"];
                  const at = order.indexOf(value);
                  const target = {
                    ArrowRight: order[(at + 1) % order.length],
                    ArrowLeft: order[(at - 1 + order.length) % order.length],
                    Home: order[0],
                    End: order[order.length - 1],
                  }[event.key];
                  if (!target) return;
                  event.preventDefault();
                  setTab(target);
                  document.getElementById(`tab-${target}`)?.focus();
                }}
                className={cx(
                  "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
                  tab === value
                    ? "border-indigo-600 text-indigo-600 dark:border-indigo-400 dark:text-indigo-400"
                    : "border-transparent text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200",
                )}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="session-tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === "transcript" ? (
              <Transcript sessionId={sessionId} messageCount={data.message_count} />
            ) : (
              <MemoryView
                sessionId={sessionId}
                sessionDefault={data.memory_type}
                messageCount={data.message_count}
              />
            )}
          </div>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Session metadata"
              description={canAnnotate ? "Add keys and tags; every change is recorded." : undefined}
            />
            <div className="p-4">
              <MetadataPanel
                metadata={data.metadata as JsonObject}
                canEdit={canAnnotate}
                pending={annotate.isPending}
                error={annotate.error?.message}
                onPatch={(patch) => annotate.mutateAsync({ sessionId, patch })}
              />
            </div>
          </Card>
          <Card>
            <CardHeader
              title="Change history"
              description="Who changed this session's metadata or its messages', and how."
            />
            <div className="p-4">
              <MetadataHistory entityType="session" entityId={sessionId} includeMessages />
            </div>
          </Card>
          <EnrichmentCard sessionId={sessionId} />
          <Card>
            <CardHeader title="Summaries" description="What each summary stands for, newest first." />
            <div className="p-4">
              <SummaryHistory sessionId={sessionId} />
            </div>
          </Card>
          <Card>
            <CardHeader title="Details" />
            <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {(
                [
                  ["UUID", data.uuid],
                  ["Created", <DateTime key="v" iso={data.created_at} />],
                  ["Updated", <DateTime key="v" iso={data.updated_at} />],
                  ["Last message", <DateTime key="v" iso={data.last_message_at} />],
                ] as [string, ReactNode][]
              ).map(([label, value]) => (
                <div key={label} className="flex justify-between gap-4 px-4 py-2">
                  <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
                  <dd className="truncate font-mono text-xs text-zinc-800 dark:text-zinc-200">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate({ sessionId })}
        title="Delete this session?"
        description={
          <>
            <p>
              Session <span className="font-mono font-medium">{data.session_id}</span> and its{" "}
              {formatNumber(data.message_count)} messages and summaries will disappear from the API and the
              dashboard.
            </p>
            <p className="mt-2">Apps that add memory to this id again start a fresh session.</p>
          </>
        }
        confirmLabel="Delete session"
        pending={remove.isPending}
        error={remove.error?.message}
      />
    </>
  );
}
