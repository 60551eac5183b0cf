import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../_components/ui";
import { getQueryClient, HydrateClient, trpc } from "../../_lib/trpc-server";
import { defaultSessionQuery } from "./query";
import { SessionsBrowser } from "./sessions-browser";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  // The plain list (no search or filter) is what most visits open, so it arrives with the page.
  if (Object.keys(await searchParams).length === 0) {
    await getQueryClient().prefetchQuery(trpc.dashboard.sessions.queryOptions(defaultSessionQuery));
  }
  return (
    <HydrateClient>
      <Suspense fallback={<Loading />}>
        <SessionsBrowser />
      </Suspense>
    </HydrateClient>
  );
}
