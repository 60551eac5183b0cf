import { Badge } from "@/app/_components/ui";
import type { Document } from "./types";

/** One document: content, its id and metadata, its embedding state, and its score in a search. */
export function DocumentRow({ document }: { document: Document }) {
  const keys = Object.entries(document.metadata);
  return (
    <li className="px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 break-words text-zinc-900 dark:text-zinc-100">
          {document.content || "—"}
        </p>
        <div className="flex flex-wrap items-center gap-1">
          {document.score !== undefined && (
            <Badge tone="indigo" className="tabular-nums">
              score {document.score.toFixed(3)}
            </Badge>
          )}
          {!document.is_embedded && <Badge tone="amber">not embedded yet</Badge>}
        </div>
      </div>
      <div className="mt-1 flex flex-wrap gap-1 text-xs text-zinc-500">
        {document.document_id && <span className="font-mono">{document.document_id}</span>}
        {keys.slice(0, 6).map(([key, value]) => (
          <Badge key={key}>
            {key}: {typeof value === "string" ? value : JSON.stringify(value)}
          </Badge>
        ))}
      </div>
    </li>
  );
}
