export declare const auditRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    metadataHistory: import("@trpc/server").TRPCQueryProcedure<{
        input: {
            entity_type: "message" | "session" | "user";
            entity_id: string;
            limit?: number | undefined;
            cursor?: number | undefined;
        };
        output: {
            changes: {
                id: number;
                entity_type: "message" | "session" | "user";
                entity_id: string;
                actor: string;
                before: Record<string, unknown>;
                after: Record<string, unknown>;
                created_at: string;
            }[];
            next_cursor: number | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
