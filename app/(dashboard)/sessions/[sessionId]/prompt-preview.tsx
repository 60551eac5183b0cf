"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState, Loading } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { MemoryType } from "./types";

/** The `context` block exactly as an LLM receives it from `memory.get` with `includeContext`. */
export function PromptPreview({
  sessionId,
  memoryType,
  lastn,
}: {
  sessionId: string;
  memoryType: MemoryType;
  lastn: number | undefined;
}) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.dashboard.promptPreview.queryOptions({ sessionId, memoryType, lastn }));
  if (preview.isPending) return <Loading label="Loading the prompt…" />;
  if (preview.isError) return <ErrorState error={preview.error} retry={() => preview.refetch()} />;
  return (
    <section aria-label="Prompt preview" className="border-b border-zinc-200 dark:border-zinc-800">
      <p className="flex flex-wrap justify-between gap-2 px-4 py-2 text-xs text-zinc-600 sm:px-5 dark:text-zinc-400">
        <span>
          The <code className="font-mono">context</code> field of{" "}
          <code className="font-mono">memory.get</code> with <code className="font-mono">includeContext</code>
        </span>
        <span className="font-medium text-zinc-800 dark:text-zinc-200" data-testid="prompt-tokens">
          {formatNumber(preview.data.token_count)} tokens
        </span>
      </p>
      <pre
        data-testid="prompt-preview"
        dir="auto"
        className="max-h-96 overflow-auto bg-zinc-950 p-4 font-mono text-xs leading-5 whitespace-pre-wrap text-zinc-100"
      >
        {preview.data.context || "(empty: nothing to put in a prompt yet)"}
      </pre>
    </section>
  );
}
