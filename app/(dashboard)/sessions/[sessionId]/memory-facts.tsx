"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { Badge } from "@/app/_components/ui";
import { formatNumber, userHref } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { AppRouter } from "@/server/trpc/root";

type RelevantFact = inferRouterOutputs<AppRouter>["memory"]["get"]["relevant_facts"][number];

/** The facts `memory.get` hands the model with this memory, in the order it gives them. */
export function MemoryFacts({ sessionId, facts }: { sessionId: string; facts: RelevantFact[] }) {
  const trpc = useTRPC();
  // The session page has this loaded already; its user owns the facts.
  const userId = useQuery(trpc.sessions.get.queryOptions({ sessionId })).data?.user_id ?? null;
  const tokens = facts.reduce((sum, fact) => sum + fact.token_count, 0);
  return (
    <section aria-labelledby="memory-facts-title" className="px-4 pt-4 sm:px-5">
      <div className="rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
          <h3 id="memory-facts-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            Relevant facts ({facts.length})
          </h3>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {formatNumber(tokens)} tokens ·{" "}
            {userId ? (
              <Link href={userHref(userId)} className="text-indigo-700 underline dark:text-indigo-300">
                all facts about {userId}
              </Link>
            ) : (
              "facts of this session"
            )}
          </span>
        </div>
        {facts.length === 0 ? (
          <p className="px-3 py-2 text-xs text-zinc-500 dark:text-zinc-400">
            No valid facts go with this memory.
          </p>
        ) : (
          <ol aria-label="Relevant facts" className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {facts.map((fact) => (
              <li
                key={fact.uuid}
                data-testid="memory-fact"
                className="flex flex-wrap items-baseline gap-x-2 gap-y-1 px-3 py-2"
              >
                <span className="min-w-0 flex-1 text-sm text-zinc-900 dark:text-zinc-100">{fact.fact}</span>
                <Badge tone={fact.rating >= 0.7 ? "indigo" : "zinc"}>rating {fact.rating.toFixed(2)}</Badge>
                {fact.pinned && <Badge tone="amber">pinned</Badge>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
