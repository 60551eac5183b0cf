import { z } from "zod";
import type { Queryable } from "@/db/client";
export declare const metadataHistoryInput: z.ZodObject<{
    entity_type: z.ZodEnum<{
        message: "message";
        session: "session";
        user: "user";
    }>;
    entity_id: z.ZodString;
    limit: z.ZodDefault<z.ZodNumber>;
    cursor: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type MetadataHistoryInput = z.input<typeof metadataHistoryInput>;
export declare const metadataChangeSchema: z.ZodObject<{
    id: z.ZodNumber;
    entity_type: z.ZodEnum<{
        message: "message";
        session: "session";
        user: "user";
    }>;
    entity_id: z.ZodString;
    actor: z.ZodString;
    before: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    after: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    created_at: z.ZodString;
}, z.core.$strip>;
export type MetadataChange = z.infer<typeof metadataChangeSchema>;
/** Metadata changes of one user, session or message, newest first. */
export declare function listMetadataChanges(db: Queryable, rawInput: MetadataHistoryInput): Promise<{
    changes: MetadataChange[];
    next_cursor: number | null;
}>;
