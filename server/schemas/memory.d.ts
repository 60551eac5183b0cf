import { z } from "zod";
export declare const summarySchema: z.ZodObject<{
    uuid: z.ZodGUID;
    created_at: z.ZodISODateTime;
    content: z.ZodString;
    recent_message_uuid: z.ZodGUID;
    metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
    token_count: z.ZodNumber;
}, z.core.$strip>;
export type Summary = z.infer<typeof summarySchema>;
export declare const addMemoryInput: z.ZodObject<{
    messages: z.ZodArray<z.ZodObject<{
        uuid: z.ZodOptional<z.ZodNullable<z.ZodGUID>>;
        role: z.ZodPipe<z.ZodString, z.ZodString>;
        role_type: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
            assistant: "assistant";
            function: "function";
            norole: "norole";
            system: "system";
            tool: "tool";
            user: "user";
        }>>>;
        content: z.ZodString;
        metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type AddMemoryInput = z.infer<typeof addMemoryInput>;
export declare const getMemoryOptions: z.ZodObject<{
    lastn: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    memoryType: z.ZodOptional<z.ZodEnum<{
        message_window: "message_window";
        perpetual: "perpetual";
        summary_retriever: "summary_retriever";
    }>>;
    maxTokens: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    includeContext: z.ZodOptional<z.ZodUnion<readonly [z.ZodBoolean, z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        false: "false";
        true: "true";
    }>, z.ZodTransform<boolean, "0" | "1" | "false" | "true">>]>>;
}, z.core.$strip>;
export type GetMemoryOptions = z.input<typeof getMemoryOptions>;
export declare const memorySchema: z.ZodObject<{
    messages: z.ZodArray<z.ZodObject<{
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
    relevant_summaries: z.ZodOptional<z.ZodArray<z.ZodObject<{
        uuid: z.ZodGUID;
        created_at: z.ZodISODateTime;
        content: z.ZodString;
        recent_message_uuid: z.ZodGUID;
        metadata: z.ZodRecord<z.ZodString, z.ZodUnknown>;
        token_count: z.ZodNumber;
    }, z.core.$strip>>>;
    memory_type: z.ZodEnum<{
        message_window: "message_window";
        perpetual: "perpetual";
        summary_retriever: "summary_retriever";
    }>;
    context: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type Memory = z.infer<typeof memorySchema>;
export declare const addSummaryInput: z.ZodObject<{
    content: z.ZodPipe<z.ZodString, z.ZodString>;
    recent_message_uuid: z.ZodGUID;
    metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
}, z.core.$strip>;
export type AddSummaryInput = z.infer<typeof addSummaryInput>;
