"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { usePermissions } from "../../../_components/account";
import { type JsonObject, MetadataHistory, MetadataPanel } from "../../../_components/metadata";
import { DateTime, useFormattedDate } from "../../../_components/time";
import {
  Badge,
  Button,
  cx,
  EmptyState,
  ErrorState,
  roleTypeTone,
  SkeletonRows,
  Spinner,
} from "../../../_components/ui";
import { formatNumber } from "../../../_lib/format";
import { useTRPC } from "../../../_lib/trpc";
import { nextTranscriptCursor, transcriptInput } from "./queries";
import type { Message, Summary } from "./types";

/** How often the open transcript asks for new messages. */
export const LIVE_INTERVAL_MS = 2_000;

const avatarTone: Record<string, string> = {
  user: "bg-indigo-100 text-indigo-700 dark:bg-indigo-500/20 dark:text-indigo-300",
  assistant: "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/20 dark:text-emerald-300",
  system: "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-300",
  function: "bg-violet-100 text-violet-700 dark:bg-violet-500/20 dark:text-violet-300",
  tool: "bg-sky-100 text-sky-700 dark:bg-sky-500/20 dark:text-sky-300",
  norole: "bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200",
};

/** Entities enrichment found in a message (`system.entities`, as Zep writes them). */
function entitiesOf(metadata: Record<string, unknown>): { Label: string; Name: string }[] {
  const system = metadata.system as { entities?: unknown } | undefined;
  if (!Array.isArray(system?.entities)) return [];
  return system.entities.filter(
    (entity): entity is { Label: string; Name: string } =>
      typeof entity === "object" &&
      entity !== null &&
      typeof (entity as { Name?: unknown }).Name === "string",
  );
}

export function SummaryCard({ summary, label }: { summary: Summary; label: string }) {
  return (
    <div
      className="rounded-lg border border-dashed border-amber-300 bg-amber-50/60 px-4 py-3 dark:border-amber-500/30 dark:bg-amber-500/5"
      data-testid="summary"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-amber-800 dark:text-amber-300">
        <Badge tone="amber">Summary</Badge>
        <span>{label}</span>
        <span className="ml-auto tabular-nums">{formatNumber(summary.token_count)} tokens</span>
      </div>
      <p className="mt-2 text-sm whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{summary.content}</p>
    </div>
  );
}

export function MessageItem({
  message,
  sessionId,
  annotatable,
}: {
  message: Message;
  sessionId: string;
  annotatable?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canAnnotate } = usePermissions();
  const [open, setOpen] = useState(false);
  const update = useMutation(
    trpc.messages.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.memory.get.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
    }),
  );
  const metadataKeys = Object.keys(message.metadata).filter(
    (key) => key !== "system" && message.metadata[key] !== null,
  );
  const entities = entitiesOf(message.metadata);
  const tags = Array.isArray(message.metadata.tags)
    ? (message.metadata.tags as unknown[]).filter((t) => typeof t === "string")
    : [];

  const createdAt = useFormattedDate(message.created_at);

  return (
    <article
      className="group flex gap-3 px-4 py-4 sm:px-5"
      data-testid="message"
      data-message-uuid={message.uuid}
      aria-label={`${message.role || message.role_type} at ${createdAt}`}
    >
      <div
        aria-hidden="true"
        className={cx(
          "flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold uppercase",
          avatarTone[message.role_type] ?? avatarTone.norole,
        )}
      >
        {(message.role || message.role_type).slice(0, 2)}
      </div>
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">{message.role || "—"}</span>
          <Badge tone={roleTypeTone[message.role_type]}>{message.role_type}</Badge>
          <DateTime
            className="text-xs text-zinc-500 dark:text-zinc-400"
            iso={message.created_at}
            style="time"
          />
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {formatNumber(message.token_count)} tokens
          </span>
          {tags.map((tag) => (
            <Badge key={tag as string} tone="indigo">
              {tag as string}
            </Badge>
          ))}
          {annotatable && (
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              aria-expanded={open}
              onClick={() => setOpen((value) => !value)}
            >
              {open
                ? "Close"
                : canAnnotate
                  ? `Metadata${metadataKeys.length ? ` (${metadataKeys.length})` : ""}`
                  : "Metadata"}
            </Button>
          )}
        </header>
        <p
          className="mt-1 text-sm leading-6 break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200"
          data-testid="message-content"
        >
          {message.content}
        </p>
        {entities.length > 0 && (
          <div className="mt-1.5 flex flex-wrap gap-1">
            {entities.map((entity) => (
              <Badge key={`${entity.Label}:${entity.Name}`} tone="sky" className="font-normal">
                <span className="font-mono text-[10px] opacity-70">{entity.Label}</span> {entity.Name}
              </Badge>
            ))}
          </div>
        )}
        {!open && metadataKeys.filter((key) => key !== "tags").length > 0 && (
          <p className="mt-1.5 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">
            {JSON.stringify(
              Object.fromEntries(
                metadataKeys.filter((key) => key !== "tags").map((key) => [key, message.metadata[key]]),
              ),
            )}
          </p>
        )}
        {open && (
          <div className="mt-3 grid gap-4 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200 md:grid-cols-2 dark:bg-zinc-950/50 dark:ring-zinc-800">
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Metadata</h3>
              <MetadataPanel
                compact
                metadata={message.metadata as JsonObject}
                canEdit={canAnnotate}
                pending={update.isPending}
                error={update.error?.message}
                onPatch={(patch) => update.mutateAsync({ sessionId, uuid: message.uuid, patch })}
              />
            </div>
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">History</h3>
              <MetadataHistory entityType="message" entityId={message.uuid} />
            </div>
          </div>
        )}
      </div>
    </article>
  );
}

/** The whole conversation, newest page first from the server, shown oldest first; polls for new turns. */
export function Transcript({ sessionId }: { sessionId: string }) {
  const trpc = useTRPC();
  const messages = useInfiniteQuery({
    ...trpc.messages.list.infiniteQueryOptions(transcriptInput(sessionId), {
      getNextPageParam: nextTranscriptCursor,
    }),
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const summaries = useQuery({
    ...trpc.memory.summaries.queryOptions({ sessionId }),
    refetchInterval: LIVE_INTERVAL_MS * 5,
  });

  // When new turns arrive, the session's counts and enrichment state change with them.
  const queryClient = useQueryClient();
  const newest = messages.data?.pages[0]?.messages[0]?.position;
  useEffect(() => {
    if (newest === undefined) return;
    queryClient.invalidateQueries({ queryKey: trpc.sessions.get.queryKey({ sessionId }) });
    queryClient.invalidateQueries({ queryKey: trpc.enrichment.status.queryKey({ sessionId }) });
  }, [newest, queryClient, trpc, sessionId]);

  if (messages.isPending) return <SkeletonRows rows={6} />;
  if (messages.isError) return <ErrorState error={messages.error} retry={() => messages.refetch()} />;

  const seen = new Set<string>();
  const ordered = messages.data.pages
    .flatMap((page) => page.messages)
    .filter((message) => !seen.has(message.uuid) && seen.add(message.uuid))
    .sort((a, b) => a.position - b.position);
  const summaryAfter = new Map(
    (summaries.data ?? []).map((summary) => [summary.recent_message_uuid, summary]),
  );

  if (ordered.length === 0) {
    return (
      <EmptyState
        title="No messages yet"
        description="This page updates by itself: messages added through the API appear here within seconds."
      />
    );
  }

  return (
    <div>
      {messages.hasNextPage && (
        <div className="border-b border-zinc-100 px-5 py-3 text-center dark:border-zinc-800">
          <Button size="sm" onClick={() => messages.fetchNextPage()} disabled={messages.isFetchingNextPage}>
            {messages.isFetchingNextPage && <Spinner />} Load earlier messages
          </Button>
        </div>
      )}
      <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Transcript">
        {ordered.map((message) => {
          const summary = summaryAfter.get(message.uuid);
          return (
            <li key={message.uuid}>
              <MessageItem message={message} sessionId={sessionId} annotatable />
              {summary && (
                <div className="px-4 pb-4 sm:px-5">
                  <SummaryCard
                    summary={summary}
                    label="Everything up to this message is folded into this summary"
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
