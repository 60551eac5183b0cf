"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader, ErrorState, Loading } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

export function Providers() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.enrichment.overview.queryOptions(), refetchInterval: 15_000 });
  const engine = useQuery(trpc.collections.engine.queryOptions());
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Providers"
        description="What does the background work. Configured through environment variables."
      />
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState error={status.error} retry={() => status.refetch()} />
      ) : (
        <dl className="grid gap-px bg-zinc-200 sm:grid-cols-2 lg:grid-cols-4 dark:bg-zinc-800">
          {(
            [
              ["Summarizer", status.data.summarizer, true],
              [
                "Embeddings",
                status.data.embedder ?? "not configured (lexical search only)",
                Boolean(status.data.embedder),
              ],
              ["Entity extraction", status.data.entities ? "on" : "off", status.data.entities],
              [
                "Fact extraction",
                status.data.facts ?? `off: ${status.data.facts_off_reason}`,
                Boolean(status.data.facts),
              ],
              [
                "Background worker",
                status.data.worker ? "running in this server" : "off",
                status.data.worker,
              ],
              ["Vector search", engine.data?.description ?? "unknown", Boolean(engine.data)],
            ] as const
          ).map(([label, value, active]) => (
            <div key={label} className="bg-white px-5 py-4 dark:bg-zinc-900">
              <dt className="flex items-center gap-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">
                <span
                  className={`size-2 rounded-full ${active ? "bg-emerald-500" : "bg-zinc-300 dark:bg-zinc-600"}`}
                />
                {label}
              </dt>
              <dd className="mt-1 text-sm font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
