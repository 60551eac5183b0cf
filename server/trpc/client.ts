import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "./root";

export type { AppRouter };

export interface EngramClientOptions {
  /** Where Engram runs, e.g. http://localhost:3000. */
  url: string;
  /** An API key (ENGRAM_API_KEY or one created in the dashboard). */
  apiKey: string;
  fetch?: typeof fetch;
}

/** A typed tRPC client for another TypeScript app: `engram.memory.get.query({ sessionId })`. */
export function createEngramClient(options: EngramClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/+$/, "")}/api/trpc`,
        headers: { authorization: `Bearer ${options.apiKey}` },
        fetch: options.fetch,
      }),
    ],
  });
}
