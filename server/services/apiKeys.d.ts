import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import type { Actor } from "./metadata";
export declare const createApiKeyInput: z.ZodObject<{
    name: z.ZodPipe<z.ZodString, z.ZodString>;
}, z.core.$strip>;
export declare const apiKeySchema: z.ZodObject<{
    uuid: z.ZodString;
    name: z.ZodString;
    prefix: z.ZodString;
    created_by: z.ZodString;
    created_at: z.ZodString;
    last_used_at: z.ZodNullable<z.ZodString>;
    revoked_at: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
export type ApiKey = z.infer<typeof apiKeySchema>;
/** Who a valid key belongs to. `uuid` is null for the key given in ENGRAM_API_KEY. */
export interface ApiKeyPrincipal {
    kind: "apiKey";
    uuid: string | null;
    name: string;
}
/** Creates a key; its secret is returned here once and never stored. */
export declare function createApiKey(db: Db, rawInput: z.input<typeof createApiKeyInput>, actor: Actor): Promise<{
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
}>;
export declare function listApiKeys(db: Queryable): Promise<ApiKey[]>;
export declare function revokeApiKey(db: Queryable, uuid: string): Promise<ApiKey>;
/** The principal a bearer key stands for, or null when it is unknown or revoked. */
export declare function authenticateApiKey(db: Queryable, key: string): Promise<ApiKeyPrincipal | null>;
