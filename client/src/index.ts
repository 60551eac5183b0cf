import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient, type TRPCLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { EngramClientError } from "./errors";
import type { AppRouter } from "./router";

export { EngramClientError, type EngramErrorCode } from "./errors";
export type { AppRouter };
/** The input of every procedure: `RouterInputs["memory"]["add"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** The output of every procedure: `RouterOutputs["memory"]["get"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type EngramClient = TRPCClient<AppRouter>;

type HeaderValues = Record<string, string>;

export interface EngramClientOptions {
  /** Where Engram runs, e.g. `http://localhost:3000`. */
  url: string;
  /** An API key (`ENGRAM_API_KEY` or one created in the dashboard), sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Extra headers for every request, or a function that returns them per request. */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
  /** A fetch implementation other than the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Send calls made in the same tick as one HTTP request (default true). */
  batch?: boolean;
  /** Give up on a request after this many milliseconds; the call fails with code `TIMEOUT`. */
  timeoutMs?: number;
}

/** A typed client for Engram's tRPC API: `await engram.memory.get.query({ sessionId })`. */
export function createEngramClient(options: EngramClientOptions): EngramClient {
  return createTRPCClient<AppRouter>({ links: engramLinks(options) });
}

/** The links `createEngramClient` uses, for apps that build their own tRPC client (e.g. with React). */
export function engramLinks(options: EngramClientOptions): TRPCLink<AppRouter>[] {
  const transport = {
    url: `${options.url.replace(/\/+$/, "")}/api/trpc`,
    headers: async () => ({
      ...(typeof options.headers === "function" ? await options.headers() : options.headers),
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    }),
    fetch:
      options.timeoutMs === undefined
        ? options.fetch
        : withTimeout(options.fetch ?? ((input, init) => fetch(input, init)), options.timeoutMs),
  };
  return [
    typedErrors,
    options.batch === false ? httpLink(transport) : httpBatchLink({ ...transport, maxURLLength: 8000 }),
  ];
}

/** Every failure leaves the client as an EngramClientError carrying the server's code. */
const typedErrors: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => observer.error(EngramClientError.of(error)),
        complete: () => observer.complete(),
      }),
    );

function withTimeout(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchImpl(input, { ...init, signal });
  };
}
