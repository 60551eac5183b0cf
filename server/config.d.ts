import { z } from "zod";
declare const configSchema: z.ZodObject<{
    DATABASE_URL: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodOptional<z.ZodURL>>;
    ENGRAM_DATA_DIR: z.ZodDefault<z.ZodString>;
    ENGRAM_DB_POOL_SIZE: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_API_KEY: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodOptional<z.ZodString>>;
    ENGRAM_MEMORY_WINDOW: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_MAX_MESSAGE_CHARS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_MAX_BATCH_MESSAGES: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_MAX_BODY_BYTES: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_SUMMARIZER_PROVIDER: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodOptional<z.ZodEnum<{
        extractive: "extractive";
        openai: "openai";
    }>>>;
    ENGRAM_SUMMARIZER_BASE_URL: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodOptional<z.ZodURL>>;
    ENGRAM_SUMMARIZER_API_KEY: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>;
    ENGRAM_SUMMARIZER_MODEL: z.ZodDefault<z.ZodString>;
    ENGRAM_SUMMARIZER_TIMEOUT_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_SUMMARIZER_CONTEXT_TOKENS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_SUMMARIZER_MAX_TOKENS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_SUMMARIZER_PROMPT: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>;
    ENGRAM_SUMMARIZER_PROMPT_FILE: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>;
    ENGRAM_EMBEDDINGS_BASE_URL: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodOptional<z.ZodURL>>;
    ENGRAM_EMBEDDINGS_API_KEY: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>;
    ENGRAM_EMBEDDINGS_MODEL: z.ZodDefault<z.ZodString>;
    ENGRAM_EMBEDDINGS_DIMENSIONS: z.ZodPreprocess<z.ZodOptional<z.ZodCoercedNumber<unknown>>, unknown>;
    ENGRAM_EMBEDDINGS_TIMEOUT_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_ENTITIES: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodDefault<z.ZodEnum<{
        off: "off";
        on: "on";
    }>>>;
    ENGRAM_WORKER: z.ZodPipe<z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string | undefined, string>>>, z.ZodDefault<z.ZodEnum<{
        off: "off";
        on: "on";
    }>>>;
    ENGRAM_WORKER_POLL_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_WORKER_SETTLE_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_WORKER_CONCURRENCY: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_WORKER_LEASE_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_WORKER_RETRY_BASE_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    ENGRAM_WORKER_RETRY_MAX_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
export type Config = z.infer<typeof configSchema>;
export declare class ConfigError extends Error {
}
/** The validated configuration; a bad value stops the server with a message naming the variable. */
export declare function config(): Config;
/** Forget the parsed configuration, so the next call reads the environment again (tests). */
export declare function resetConfig(): void;
export {};
