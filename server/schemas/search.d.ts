import { z } from "zod";
export declare const searchScopes: readonly ["messages", "summary"];
export declare const searchTypes: readonly ["similarity", "mmr"];
/**
 * Zep's metadata filter: a node holds when its `jsonpath` matches the item's metadata, every
 * `and` node holds, and (when `or` is given) at least one `or` node holds.
 */
export interface WhereClause {
    jsonpath?: string;
    and?: WhereClause[];
    or?: WhereClause[];
}
export declare const whereClauseSchema: z.ZodType<WhereClause>;
export declare const searchFilterSchema: z.ZodObject<{
    where: z.ZodOptional<z.ZodType<WhereClause, unknown, z.core.$ZodTypeInternals<WhereClause, unknown>>>;
    start_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
    end_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
}, z.core.$strict>;
export type SearchFilter = z.infer<typeof searchFilterSchema>;
/** The body of Zep's `POST /sessions/{id}/search`. */
export declare const searchPayloadSchema: z.ZodObject<{
    text: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    metadata: z.ZodOptional<z.ZodNullable<z.ZodObject<{
        where: z.ZodOptional<z.ZodType<WhereClause, unknown, z.core.$ZodTypeInternals<WhereClause, unknown>>>;
        start_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
        end_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
    }, z.core.$strict>>>;
    search_scope: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        messages: "messages";
        summary: "summary";
    }>>>;
    search_type: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        mmr: "mmr";
        similarity: "similarity";
    }>>>;
    mmr_lambda: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>;
export type SearchPayload = z.infer<typeof searchPayloadSchema>;
/** Search in one session, one user's sessions, or (with neither) every session. */
export declare const searchInput: z.ZodObject<{
    text: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    metadata: z.ZodOptional<z.ZodNullable<z.ZodObject<{
        where: z.ZodOptional<z.ZodType<WhereClause, unknown, z.core.$ZodTypeInternals<WhereClause, unknown>>>;
        start_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
        end_date: z.ZodOptional<z.ZodUnion<readonly [z.ZodISODateTime, z.ZodISODate]>>;
    }, z.core.$strict>>>;
    search_scope: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        messages: "messages";
        summary: "summary";
    }>>>;
    search_type: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        mmr: "mmr";
        similarity: "similarity";
    }>>>;
    mmr_lambda: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
    sessionId: z.ZodOptional<z.ZodString>;
    userId: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
export type SearchInput = z.input<typeof searchInput>;
export declare const searchResultSchema: z.ZodObject<{
    message: z.ZodOptional<z.ZodObject<{
        uuid: z.ZodGUID;
        created_at: z.ZodISODateTime;
        updated_at: z.ZodISODateTime;
        role: z.ZodString;
        role_type: z.ZodEnum<{
            assistant: "assistant";
            function: "function";
            norole: "norole";
            system: "system";
            tool: "tool";
            user: "user";
        }>;
        content: z.ZodString;
        metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        token_count: z.ZodNumber;
    }, z.core.$strip>>;
    summary: z.ZodOptional<z.ZodObject<{
        uuid: z.ZodGUID;
        created_at: z.ZodISODateTime;
        content: z.ZodString;
        recent_message_uuid: z.ZodGUID;
        metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        token_count: z.ZodNumber;
    }, z.core.$strip>>;
    metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    session_id: z.ZodString;
    dist: z.ZodNumber;
    score: z.ZodNumber;
}, z.core.$strip>;
export type SearchResult = z.infer<typeof searchResultSchema>;
