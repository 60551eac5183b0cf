export declare const accountsRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("../init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    /** Whether the first-run page should create the first admin. Reveals nothing else. */
    status: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            needs_setup: boolean;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    setup: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            email: string;
            name?: string | undefined;
            password: string;
        };
        output: {
            id: number;
            email: string;
            name: string;
            role: "admin" | "operator" | "support";
            created_at: string;
            disabled_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    signIn: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            email: string;
            password: string;
        };
        output: {
            id: number;
            email: string;
            name: string;
            role: "admin" | "operator" | "support";
            created_at: string;
            disabled_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    signOut: import("@trpc/server").TRPCMutationProcedure<{
        input: void;
        output: {
            signed_out: boolean;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    me: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            id: number;
            email: string;
            role: "admin" | "operator" | "support";
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    list: import("@trpc/server").TRPCQueryProcedure<{
        input: void;
        output: {
            id: number;
            email: string;
            name: string;
            role: "admin" | "operator" | "support";
            created_at: string;
            disabled_at: string | null;
        }[];
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    create: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            email: string;
            name?: string | undefined;
            password: string;
            role: "admin" | "operator" | "support";
        };
        output: {
            id: number;
            email: string;
            name: string;
            role: "admin" | "operator" | "support";
            created_at: string;
            disabled_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
    update: import("@trpc/server").TRPCMutationProcedure<{
        input: {
            id: number;
            role?: "admin" | "operator" | "support" | undefined;
            disabled?: boolean | undefined;
            password?: string | undefined;
        };
        output: {
            id: number;
            email: string;
            name: string;
            role: "admin" | "operator" | "support";
            created_at: string;
            disabled_at: string | null;
        };
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    }>;
}>>;
