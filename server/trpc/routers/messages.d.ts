export declare const messagesRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    list: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            limit?: unknown;
            cursor?: unknown;
            direction?: "backward" | "forward" | undefined;
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
                position: number;
            }[];
            next_cursor: number | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    get: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            sessionId: string;
            uuid: string;
        };
        output: {
            uuid: string;
            created_at: string;
            updated_at: string;
            role: string;
            role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
            content: string;
            metadata: Record<string, unknown>;
            token_count: number;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    update: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            sessionId: string;
            uuid: string;
            patch: {
                metadata?: Record<string, unknown> | null | undefined;
                remove_metadata_keys?: string[] | undefined;
            };
        };
        output: {
            uuid: string;
            created_at: string;
            updated_at: string;
            role: string;
            role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
            content: string;
            metadata: Record<string, unknown>;
            token_count: number;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
