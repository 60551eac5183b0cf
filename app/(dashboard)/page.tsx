import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "../_lib/trpc-server";
import { OverviewView } from "./overview-view";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.dashboard.overview.queryOptions({ days: 14 })),
    queryClient.prefetchQuery(trpc.enrichment.overview.queryOptions()),
    queryClient.prefetchQuery(trpc.enrichment.failures.queryOptions({ limit: 10 })),
    queryClient.prefetchQuery(trpc.dashboard.sessions.queryOptions({ limit: 6 })),
  ]);
  return (
    <HydrateClient>
      <OverviewView />
    </HydrateClient>
  );
}
