export declare const sessionsRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    create: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            session_id: string;
            user_id?: string | null | undefined;
            metadata?: Record<string, unknown> | null | undefined;
            memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
        };
        output: {
            uuid: string;
            id: number;
            session_id: string;
            user_id: string | null;
            metadata: Record<string, unknown>;
            memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
            message_count: number;
            token_count: number;
            last_message_at: string | null;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    get: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            sessionId: string;
        };
        output: {
            uuid: string;
            id: number;
            session_id: string;
            user_id: string | null;
            metadata: Record<string, unknown>;
            memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
            message_count: number;
            token_count: number;
            last_message_at: string | null;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    update: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            sessionId: string;
            patch: {
                metadata?: Record<string, unknown> | null | undefined;
                remove_metadata_keys?: string[] | undefined;
                memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
            };
        };
        output: {
            uuid: string;
            id: number;
            session_id: string;
            user_id: string | null;
            metadata: Record<string, unknown>;
            memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
            message_count: number;
            token_count: number;
            last_message_at: string | null;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    /** Metadata only: open to support accounts; the default memory type is an operator's setting. */
    annotate: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            sessionId: string;
            patch: {
                metadata?: Record<string, unknown> | null | undefined;
                remove_metadata_keys?: string[] | undefined;
            };
        };
        output: {
            uuid: string;
            id: number;
            session_id: string;
            user_id: string | null;
            metadata: Record<string, unknown>;
            memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
            message_count: number;
            token_count: number;
            last_message_at: string | null;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    list: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            limit?: unknown;
            cursor?: unknown;
            user_id?: string | undefined;
        };
        output: {
            uuid: string;
            id: number;
            session_id: string;
            user_id: string | null;
            metadata: Record<string, unknown>;
            memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
            message_count: number;
            token_count: number;
            last_message_at: string | null;
            created_at: string;
            updated_at: string;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
