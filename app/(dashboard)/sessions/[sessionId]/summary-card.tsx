"use client";

import { Badge } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import type { Summary, SummaryRange } from "./types";

type Ref = SummaryRange["through"];

function MessageLink({ to }: { to: NonNullable<Ref> }) {
  return (
    <a href={`#${to.uuid}`} className="font-medium underline hover:text-amber-950 dark:hover:text-amber-100">
      {formatNumber(to.number)}
    </a>
  );
}

/** "Covers messages 1–40 (21–40 new)", each end a link to its message in the transcript. */
export function SummaryRangeText({ range }: { range: SummaryRange }) {
  if (!range.from || !range.through) return <span>Covers no message still in the session</span>;
  const added = range.new_from && range.new_from.number > 1 ? range.new_from : null;
  return (
    <span data-testid="summary-range">
      Covers messages <MessageLink to={range.from} />–<MessageLink to={range.through} />
      {added && (
        <>
          {" "}
          (<MessageLink to={added} />–<MessageLink to={range.through} /> new)
        </>
      )}
    </span>
  );
}

export function SummaryCard({
  summary,
  label,
  range,
}: {
  summary: Summary;
  label?: string;
  range?: SummaryRange;
}) {
  return (
    <div
      className="rounded-lg border border-dashed border-amber-300 bg-amber-50/60 px-4 py-3 dark:border-amber-500/30 dark:bg-amber-500/5"
      data-testid="summary"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-amber-900 dark:text-amber-300">
        <Badge tone="amber">Summary</Badge>
        {label && <span>{label}</span>}
        {range && <SummaryRangeText range={range} />}
        <span className="ml-auto tabular-nums">{formatNumber(summary.token_count)} tokens</span>
      </div>
      <p className="mt-2 text-sm whitespace-pre-wrap text-zinc-800 dark:text-zinc-200" dir="auto">
        {summary.content}
      </p>
    </div>
  );
}
