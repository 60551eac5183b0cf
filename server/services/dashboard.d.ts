import { z } from "zod";
import { type Queryable } from "@/db/client";
export declare const sessionSorts: readonly ["last_activity", "created_at", "message_count", "token_count", "session_id"];
export declare const browseSessionsInput: z.ZodObject<{
    query: z.ZodOptional<z.ZodString>;
    user_id: z.ZodOptional<z.ZodString>;
    from: z.ZodOptional<z.ZodISODateTime>;
    to: z.ZodOptional<z.ZodISODateTime>;
    sort: z.ZodDefault<z.ZodEnum<{
        created_at: "created_at";
        last_activity: "last_activity";
        message_count: "message_count";
        session_id: "session_id";
        token_count: "token_count";
    }>>;
    order: z.ZodDefault<z.ZodEnum<{
        asc: "asc";
        desc: "desc";
    }>>;
    limit: z.ZodDefault<z.ZodNumber>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type BrowseSessionsInput = z.input<typeof browseSessionsInput>;
export declare const browsedSessionSchema: z.ZodObject<{
    uuid: z.ZodGUID;
    id: z.ZodNumber;
    session_id: z.ZodString;
    user_id: z.ZodNullable<z.ZodString>;
    metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    memory_type: z.ZodNullable<z.ZodEnum<{
        message_window: "message_window";
        perpetual: "perpetual";
        summary_retriever: "summary_retriever";
    }>>;
    message_count: z.ZodNumber;
    token_count: z.ZodNumber;
    last_message_at: z.ZodNullable<z.ZodISODateTime>;
    created_at: z.ZodISODateTime;
    updated_at: z.ZodISODateTime;
    user: z.ZodNullable<z.ZodObject<{
        email: z.ZodNullable<z.ZodString>;
        first_name: z.ZodNullable<z.ZodString>;
        last_name: z.ZodNullable<z.ZodString>;
    }, z.core.$strip>>;
    last_activity_at: z.ZodString;
}, z.core.$strip>;
export declare const sessionPageSchema: z.ZodObject<{
    sessions: z.ZodArray<z.ZodObject<{
        uuid: z.ZodGUID;
        id: z.ZodNumber;
        session_id: z.ZodString;
        user_id: z.ZodNullable<z.ZodString>;
        metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        memory_type: z.ZodNullable<z.ZodEnum<{
            message_window: "message_window";
            perpetual: "perpetual";
            summary_retriever: "summary_retriever";
        }>>;
        message_count: z.ZodNumber;
        token_count: z.ZodNumber;
        last_message_at: z.ZodNullable<z.ZodISODateTime>;
        created_at: z.ZodISODateTime;
        updated_at: z.ZodISODateTime;
        user: z.ZodNullable<z.ZodObject<{
            email: z.ZodNullable<z.ZodString>;
            first_name: z.ZodNullable<z.ZodString>;
            last_name: z.ZodNullable<z.ZodString>;
        }, z.core.$strip>>;
        last_activity_at: z.ZodString;
    }, z.core.$strip>>;
    next_cursor: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
export type SessionPage = z.infer<typeof sessionPageSchema>;
/** The sessions browser: search, filter, sort, keyset pagination. */
export declare function browseSessions(db: Queryable, rawInput?: BrowseSessionsInput): Promise<SessionPage>;
export declare const browseUsersInput: z.ZodObject<{
    query: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodNumber>;
    cursor: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type BrowseUsersInput = z.input<typeof browseUsersInput>;
export declare const userPageSchema: z.ZodObject<{
    users: z.ZodArray<z.ZodObject<{
        uuid: z.ZodGUID;
        id: z.ZodNumber;
        user_id: z.ZodString;
        email: z.ZodNullable<z.ZodString>;
        first_name: z.ZodNullable<z.ZodString>;
        last_name: z.ZodNullable<z.ZodString>;
        metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        created_at: z.ZodISODateTime;
        updated_at: z.ZodISODateTime;
        session_count: z.ZodNumber;
    }, z.core.$strip>>;
    next_cursor: z.ZodNullable<z.ZodNumber>;
}, z.core.$strip>;
/** The users browser: newest first, searchable, keyset pages on `id`, with each user's session count. */
export declare function browseUsers(db: Queryable, rawInput?: BrowseUsersInput): Promise<z.infer<typeof userPageSchema>>;
export declare const overviewInput: z.ZodObject<{
    days: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const overviewSchema: z.ZodObject<{
    counts: z.ZodObject<{
        users: z.ZodNumber;
        sessions: z.ZodNumber;
        messages: z.ZodNumber;
        summaries: z.ZodNumber;
        tokens: z.ZodNumber;
        active_api_keys: z.ZodNumber;
    }, z.core.$strip>;
    activity: z.ZodArray<z.ZodObject<{
        day: z.ZodString;
        messages: z.ZodNumber;
        sessions: z.ZodNumber;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type Overview = z.infer<typeof overviewSchema>;
/** Counts, and messages and new sessions per day (UTC); the enrichment backlog is enrichment's own overview. */
export declare function overview(db: Queryable, rawInput?: z.input<typeof overviewInput>): Promise<Overview>;
/** Every configuration variable as the settings page may show it: secrets only as set or not set. */
export declare function redactedConfiguration(): {
    name: string;
    value: string;
}[];
