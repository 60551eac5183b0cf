import { z } from "zod";
export declare const enrichmentStates: readonly ["up_to_date", "pending", "failing"];
/** A session's background work: summaries, entities and embeddings. */
export declare const enrichmentStatusSchema: z.ZodObject<{
    session_id: z.ZodString;
    state: z.ZodEnum<{
        failing: "failing";
        pending: "pending";
        up_to_date: "up_to_date";
    }>;
    unsummarized_messages: z.ZodNumber;
    unenriched_messages: z.ZodNumber;
    unenriched_summaries: z.ZodNumber;
    attempts: z.ZodNumber;
    last_error: z.ZodNullable<z.ZodString>;
    last_error_at: z.ZodNullable<z.ZodISODateTime>;
    next_attempt_at: z.ZodNullable<z.ZodISODateTime>;
    in_progress: z.ZodBoolean;
    last_completed_at: z.ZodNullable<z.ZodISODateTime>;
}, z.core.$strip>;
export type EnrichmentStatus = z.infer<typeof enrichmentStatusSchema>;
export declare const enrichmentOverviewSchema: z.ZodObject<{
    summarizer: z.ZodString;
    embedder: z.ZodNullable<z.ZodString>;
    entities: z.ZodBoolean;
    worker: z.ZodBoolean;
    sessions_pending: z.ZodNumber;
    sessions_failing: z.ZodNumber;
    messages_unenriched: z.ZodNumber;
    summaries_unenriched: z.ZodNumber;
}, z.core.$strip>;
export type EnrichmentOverview = z.infer<typeof enrichmentOverviewSchema>;
export declare const enrichmentFailuresInput: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
export type EnrichmentFailuresInput = z.input<typeof enrichmentFailuresInput>;
export declare const enrichmentFailureSchema: z.ZodObject<{
    session_id: z.ZodString;
    attempts: z.ZodNumber;
    last_error: z.ZodNullable<z.ZodString>;
    last_error_at: z.ZodNullable<z.ZodISODateTime>;
    next_attempt_at: z.ZodNullable<z.ZodISODateTime>;
}, z.core.$strip>;
