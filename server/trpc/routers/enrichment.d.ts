export declare const enrichmentRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    /** A session's background work: up to date, pending, or failing with the last error. */
    status: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            sessionId: string;
        };
        output: {
            session_id: string;
            state: "failing" | "pending" | "up_to_date";
            unsummarized_messages: number;
            unenriched_messages: number;
            unenriched_summaries: number;
            attempts: number;
            last_error: string | null;
            last_error_at: string | null;
            next_attempt_at: string | null;
            in_progress: boolean;
            last_completed_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    overview: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            summarizer: string;
            embedder: string | null;
            entities: boolean;
            worker: boolean;
            sessions_pending: number;
            sessions_failing: number;
            messages_unenriched: number;
            summaries_unenriched: number;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    failures: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            limit?: unknown;
        };
        output: {
            session_id: string;
            attempts: number;
            last_error: string | null;
            last_error_at: string | null;
            next_attempt_at: string | null;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    /** Runs a failing session's work again now rather than after its backoff. */
    retry: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            sessionId: string;
        };
        output: {
            session_id: string;
            state: "failing" | "pending" | "up_to_date";
            unsummarized_messages: number;
            unenriched_messages: number;
            unenriched_summaries: number;
            attempts: number;
            last_error: string | null;
            last_error_at: string | null;
            next_attempt_at: string | null;
            in_progress: boolean;
            last_completed_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
