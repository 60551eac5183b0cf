import type { AppRouter as ServerRouter } from "../../server/trpc/root";

/** Every procedure of Engram's tRPC API, with its input and output types. */
export type AppRouter = ServerRouter;
