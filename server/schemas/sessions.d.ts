import { z } from "zod";
export declare const memoryTypeSchema: z.ZodEnum<{
    message_window: "message_window";
    perpetual: "perpetual";
    summary_retriever: "summary_retriever";
}>;
export declare const sessionSchema: z.ZodObject<{
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
}, z.core.$strip>;
export type Session = z.infer<typeof sessionSchema>;
export declare const createSessionInput: z.ZodObject<{
    session_id: z.ZodString;
    user_id: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    memory_type: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        message_window: "message_window";
        perpetual: "perpetual";
        summary_retriever: "summary_retriever";
    }>>>;
}, z.core.$strip>;
export type CreateSessionInput = z.infer<typeof createSessionInput>;
export declare const updateSessionInput: z.ZodObject<{
    metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    remove_metadata_keys: z.ZodOptional<z.ZodArray<z.ZodString>>;
    memory_type: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        message_window: "message_window";
        perpetual: "perpetual";
        summary_retriever: "summary_retriever";
    }>>>;
}, z.core.$strip>;
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;
export declare const listSessionsInput: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    user_id: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type ListSessionsInput = z.input<typeof listSessionsInput>;
