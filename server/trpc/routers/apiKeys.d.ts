export declare const apiKeysRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    create: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            name: string;
        };
        output: {
            key: string;
            apiKey: {
                uuid: string;
                name: string;
                prefix: string;
                created_by: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            };
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    list: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            uuid: string;
            name: string;
            prefix: string;
            created_by: string;
            created_at: string;
            last_used_at: string | null;
            revoked_at: string | null;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    revoke: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            uuid: string;
        };
        output: {
            uuid: string;
            name: string;
            prefix: string;
            created_by: string;
            created_at: string;
            last_used_at: string | null;
            revoked_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
