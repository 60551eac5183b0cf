import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../_components/ui";
import { getQueryClient, HydrateClient, trpc } from "../../_lib/trpc-server";
import { defaultUserQuery } from "./query";
import { UsersView } from "./users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  // The plain list (no search or filter) is what most visits open, so it arrives with the page.
  if (Object.keys(await searchParams).length === 0) {
    await getQueryClient().prefetchQuery(trpc.dashboard.users.queryOptions(defaultUserQuery));
  }
  return (
    <HydrateClient>
      <Suspense fallback={<Loading />}>
        <UsersView />
      </Suspense>
    </HydrateClient>
  );
}
