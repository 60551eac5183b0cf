"use client";

import { Badge } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import type { Summary } from "./types";

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
