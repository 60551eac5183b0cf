"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { usePermissions } from "../../../_components/account";
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  InlineError,
  Input,
  Label,
  Loading,
  Segmented,
  Spinner,
} from "../../../_components/ui";
import { formatNumber } from "../../../_lib/format";
import { useTRPC } from "../../../_lib/trpc";
import { memoryOutcome, memoryRule } from "./memory-explanation";
import { MemoryFacts } from "./memory-facts";
import { MessageItem } from "./message-item";
import { PromptPreview } from "./prompt-preview";
import { LIVE_INTERVAL_MS } from "./queries";
import { SummaryCard } from "./summary-card";
import type { MemoryType } from "./types";

export const memoryTypeLabels: Record<MemoryType, string> = {
  message_window: "Message window",
  perpetual: "Perpetual",
  summary_retriever: "Summary retriever",
};

/** Exactly what `memory.get` returns for this session, with the same options an app would pass. */
export function MemoryView({
  sessionId,
  sessionDefault,
  messageCount,
}: {
  sessionId: string;
  sessionDefault: MemoryType | null;
  messageCount: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const [memoryType, setMemoryType] = useState<MemoryType>(sessionDefault ?? "message_window");
  const [lastnText, setLastnText] = useState("");
  const [raw, setRaw] = useState(false);
  const [prompt, setPrompt] = useState(false);

  const lastn = lastnText.trim() === "" ? undefined : Number(lastnText);
  const lastnError =
    lastn !== undefined && (!Number.isInteger(lastn) || lastn < 0)
      ? "lastn must be a whole number, 0 or more"
      : undefined;

  const memory = useQuery({
    ...trpc.memory.get.queryOptions({ sessionId, memoryType, lastn: lastnError ? undefined : lastn }),
    enabled: !lastnError,
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const ranges = useQuery(trpc.dashboard.summaries.queryOptions({ sessionId }));

  const setDefault = useMutation(
    trpc.sessions.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.get.queryKey({ sessionId }) }),
    }),
  );

  const totalTokens =
    (memory.data?.summary?.token_count ?? 0) +
    (memory.data?.messages.reduce((sum, m) => sum + m.token_count, 0) ?? 0) +
    (memory.data?.relevant_facts.reduce((sum, fact) => sum + fact.token_count, 0) ?? 0);

  return (
    <div>
      <div className="flex flex-wrap items-end gap-4 border-b border-zinc-200 px-4 py-4 sm:px-5 dark:border-zinc-800">
        <div>
          <span className="mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Memory type
          </span>
          <Segmented
            label="Memory type"
            value={memoryType}
            onChange={setMemoryType}
            options={(Object.keys(memoryTypeLabels) as MemoryType[]).map((value) => ({
              value,
              label: memoryTypeLabels[value],
            }))}
          />
        </div>
        <div className="w-32">
          <Label htmlFor="lastn" hint="optional">
            lastn
          </Label>
          <Input
            id="lastn"
            inputMode="numeric"
            placeholder="all / window"
            value={lastnText}
            onChange={(event) => setLastnText(event.target.value)}
            className="py-1.5"
          />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {sessionDefault === memoryType ? (
            <Badge tone="green">Session default</Badge>
          ) : (
            canWrite && (
              <Button
                size="sm"
                onClick={() => setDefault.mutate({ sessionId, patch: { memory_type: memoryType } })}
                disabled={setDefault.isPending}
              >
                {setDefault.isPending && <Spinner />} Make session default
              </Button>
            )
          )}
          <Button
            size="sm"
            variant="ghost"
            aria-pressed={prompt}
            onClick={() => setPrompt((value) => !value)}
          >
            Prompt preview
          </Button>
          <Button size="sm" variant="ghost" aria-pressed={raw} onClick={() => setRaw((value) => !value)}>
            {raw ? "Formatted" : "Raw JSON"}
          </Button>
        </div>
      </div>
      <div className="space-y-1 border-b border-zinc-100 px-4 py-2 text-xs text-zinc-600 sm:px-5 dark:border-zinc-800 dark:text-zinc-400">
        <p data-testid="memory-rule">{memoryRule(memoryType, lastnError ? undefined : lastn)}</p>
        {memory.data && (
          <p className="font-medium text-zinc-800 dark:text-zinc-200">
            <span data-testid="memory-outcome">{memoryOutcome(memory.data, messageCount, ranges.data)}</span>{" "}
            <span data-testid="memory-totals">
              {memory.data.messages.length} messages{memory.data.summary ? " + summary" : ""}
              {memory.data.relevant_facts.length > 0 && ` + ${memory.data.relevant_facts.length} facts`} ·{" "}
              {formatNumber(totalTokens)} tokens
            </span>
          </p>
        )}
      </div>
      {prompt && !lastnError && <PromptPreview sessionId={sessionId} memoryType={memoryType} lastn={lastn} />}
      <InlineError>{lastnError ?? setDefault.error?.message}</InlineError>

      {memory.isPending && !lastnError ? (
        <Loading label="Loading memory…" />
      ) : memory.isError ? (
        <ErrorState error={memory.error} retry={() => memory.refetch()} />
      ) : !memory.data ? null : raw ? (
        <pre
          className="max-h-[70vh] overflow-auto bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100"
          data-testid="memory-json"
        >
          {JSON.stringify(memory.data, null, 2)}
        </pre>
      ) : (
        <div data-testid="memory-view">
          <MemoryFacts sessionId={sessionId} facts={memory.data.relevant_facts} />
          {memory.data.summary && (
            <div className="px-4 pt-4 sm:px-5">
              <SummaryCard
                summary={memory.data.summary}
                label={
                  memoryType === "summary_retriever"
                    ? "Most relevant summary"
                    : "Summary of everything before these messages"
                }
              />
            </div>
          )}
          {memory.data.relevant_summaries && memory.data.relevant_summaries.length > 1 && (
            <div className="space-y-2 px-4 pt-3 sm:px-5">
              {memory.data.relevant_summaries.slice(1).map((summary, index) => (
                <SummaryCard key={summary.uuid} summary={summary} label={`Relevant summary #${index + 2}`} />
              ))}
            </div>
          )}
          {memory.data.messages.length === 0 ? (
            <EmptyState
              title="No messages in this memory"
              description="With these options, memory.get returns no messages."
            />
          ) : (
            <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Memory messages">
              {memory.data.messages.map((message) => (
                <li key={message.uuid}>
                  <MessageItem message={message} sessionId={sessionId} />
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
