import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "./router";

type EngramReactContext = ReturnType<typeof createTRPCContext<AppRouter>>;

const context: EngramReactContext = createTRPCContext<AppRouter>();

/** Wrap the app in it, with a `QueryClient` and a client from `createEngramClient`. */
export const EngramProvider: EngramReactContext["TRPCProvider"] = context.TRPCProvider;
/** In components: `useQuery(useEngram().memory.get.queryOptions({ sessionId }))`. */
export const useEngram: EngramReactContext["useTRPC"] = context.useTRPC;
/** The client itself, for calls outside TanStack Query. */
export const useEngramClient: EngramReactContext["useTRPCClient"] = context.useTRPCClient;
