export declare const dashboardRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    sessions: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            query?: string | undefined;
            user_id?: string | undefined;
            from?: string | undefined;
            to?: string | undefined;
            sort?: "created_at" | "last_activity" | "message_count" | "session_id" | "token_count" | undefined;
            order?: "asc" | "desc" | undefined;
            limit?: number | undefined;
            cursor?: string | undefined;
        };
        output: {
            sessions: {
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
                user: {
                    email: string | null;
                    first_name: string | null;
                    last_name: string | null;
                } | null;
                last_activity_at: string;
            }[];
            next_cursor: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    users: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            query?: string | undefined;
            limit?: number | undefined;
            cursor?: number | undefined;
        };
        output: {
            users: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
                session_count: number;
            }[];
            next_cursor: number | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    overview: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            days?: number | undefined;
        };
        output: {
            counts: {
                users: number;
                sessions: number;
                messages: number;
                summaries: number;
                tokens: number;
                active_api_keys: number;
            };
            activity: {
                day: string;
                messages: number;
                sessions: number;
            }[];
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    configuration: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            name: string;
            value: string;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
