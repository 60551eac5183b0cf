export declare const memoryRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    add: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            messages: {
                uuid?: string | null | undefined;
                role: string;
                role_type?: "assistant" | "function" | "norole" | "system" | "tool" | "user" | null | undefined;
                content: string;
                metadata?: Record<string, unknown> | null | undefined;
            }[];
            sessionId: string;
        };
        output: {
            session_id: string;
            added: number;
            message_uuids: string[];
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    get: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            lastn?: unknown;
            memoryType?: "message_window" | "perpetual" | "summary_retriever" | undefined;
            maxTokens?: unknown;
            includeContext?: "0" | "1" | "false" | "true" | boolean | undefined;
            sessionId: string;
        };
        output: {
            messages: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            }[];
            summary?: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            } | undefined;
            relevant_summaries?: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            }[] | undefined;
            memory_type: "message_window" | "perpetual" | "summary_retriever";
            context?: string | undefined;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    delete: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            sessionId: string;
        };
        output: void;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    summaries: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            sessionId: string;
        };
        output: {
            uuid: string;
            created_at: string;
            content: string;
            recent_message_uuid: string;
            metadata: Record<string, unknown>;
            token_count: number;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    /** For apps that summarize conversations themselves. */
    addSummary: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            content: string;
            recent_message_uuid: string;
            metadata?: Record<string, unknown> | null | undefined;
            sessionId: string;
        };
        output: {
            uuid: string;
            created_at: string;
            content: string;
            recent_message_uuid: string;
            metadata: Record<string, unknown>;
            token_count: number;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
