import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cookies } from "next/headers";
import { cache, type ReactNode } from "react";
import { accountPrincipal } from "@/server/auth";
import { db } from "@/server/db";
import { SESSION_COOKIE } from "@/server/services/accounts";
import type { Context } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

/** One query client per server request, so prefetched data never leaks between requests. */
export const getQueryClient = cache(
  () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } }),
);

/** The signed-in account's context, read from the cookie (server rendering needs no CSRF header). */
const context = cache(async (): Promise<Context> => {
  const database = await db();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return {
    db: database,
    principal: token ? await accountPrincipal(database, token) : null,
    responseHeaders: new Headers(),
    requestHeaders: new Headers(),
    secure: false,
  };
});

/** tRPC for server components: prefetch with the same query options the client components use. */
export const trpc = createTRPCOptionsProxy({ ctx: context, router: appRouter, queryClient: getQueryClient });

/** Hands the server's prefetched queries to the client components below. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
