import { z } from "zod";
export declare const roleTypeSchema: z.ZodEnum<{
    assistant: "assistant";
    function: "function";
    norole: "norole";
    system: "system";
    tool: "tool";
    user: "user";
}>;
export declare const messageSchema: z.ZodObject<{
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
}, z.core.$strip>;
export type Message = z.infer<typeof messageSchema>;
export declare const messageInput: z.ZodObject<{
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
}, z.core.$strip>;
export type MessageInput = z.infer<typeof messageInput>;
export declare const updateMessageInput: z.ZodObject<{
    metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    remove_metadata_keys: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export type UpdateMessageInput = z.infer<typeof updateMessageInput>;
export declare const listMessagesInput: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    direction: z.ZodDefault<z.ZodEnum<{
        backward: "backward";
        forward: "forward";
    }>>;
}, z.core.$strip>;
export type ListMessagesInput = z.input<typeof listMessagesInput>;
export declare const messagePageInput: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    page: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
export type MessagePageInput = z.input<typeof messagePageInput>;
export declare const messageListSchema: z.ZodObject<{
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
        position: z.ZodNumber;
    }, z.core.$strip>>;
    next_cursor: z.ZodNullable<z.ZodNumber>;
}, z.core.$strip>;
export declare const messagePageSchema: z.ZodObject<{
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
    total_count: z.ZodNumber;
    row_count: z.ZodNumber;
}, z.core.$strip>;
