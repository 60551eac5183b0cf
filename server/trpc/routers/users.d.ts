export declare const usersRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    create: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            user_id: string;
            email?: string | null | undefined;
            first_name?: string | null | undefined;
            last_name?: string | null | undefined;
            metadata?: Record<string, unknown> | null | undefined;
        };
        output: {
            uuid: string;
            id: number;
            user_id: string;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            metadata: Record<string, unknown>;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    get: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            userId: string;
        };
        output: {
            uuid: string;
            id: number;
            user_id: string;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            metadata: Record<string, unknown>;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    update: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            userId: string;
            patch: {
                metadata?: Record<string, unknown> | null | undefined;
                remove_metadata_keys?: string[] | undefined;
                email?: string | null | undefined;
                first_name?: string | null | undefined;
                last_name?: string | null | undefined;
            };
        };
        output: {
            uuid: string;
            id: number;
            user_id: string;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            metadata: Record<string, unknown>;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    /** Metadata only: open to support accounts, who annotate but do not edit profiles. */
    annotate: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            userId: string;
            patch: {
                metadata?: Record<string, unknown> | null | undefined;
                remove_metadata_keys?: string[] | undefined;
            };
        };
        output: {
            uuid: string;
            id: number;
            user_id: string;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            metadata: Record<string, unknown>;
            created_at: string;
            updated_at: string;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    delete: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            userId: string;
        };
        output: void;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    list: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            limit?: unknown;
            cursor?: unknown;
        };
        output: {
            uuid: string;
            id: number;
            user_id: string;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            metadata: Record<string, unknown>;
            created_at: string;
            updated_at: string;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    sessions: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            userId: string;
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
