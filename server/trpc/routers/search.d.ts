export declare const searchRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    /** One session (`sessionId`), one user's sessions (`userId`), or every session (neither). */
    query: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            text?: string | null | undefined;
            metadata?: {
                where?: unknown;
                start_date?: string | undefined;
                end_date?: string | undefined;
            } | null | undefined;
            search_scope?: "messages" | "summary" | null | undefined;
            search_type?: "mmr" | "similarity" | null | undefined;
            mmr_lambda?: number | null | undefined;
            sessionId?: string | undefined;
            userId?: string | undefined;
            limit?: unknown;
        };
        output: {
            message?: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            } | undefined;
            summary?: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            } | undefined;
            metadata: Record<string, unknown>;
            session_id: string;
            dist: number;
            score: number;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
