import { z } from "zod";
import { limitSchema, timestampSchema } from "./common";

export const enrichmentStates = ["up_to_date", "pending", "failing"] as const;

/** A session's background work: summaries, entities and embeddings. */
export const enrichmentStatusSchema = z.object({
  session_id: z.string(),
  /** up_to_date: nothing left to do; pending: work queued or running; failing: the last attempt failed. */
  state: z.enum(enrichmentStates),
  /** Messages not yet folded into a summary (a fold happens once the memory window is full). */
  unsummarized_messages: z.number().int(),
  unenriched_messages: z.number().int(),
  unenriched_summaries: z.number().int(),
  /** Failed attempts in a row. */
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  last_error_at: timestampSchema.nullable(),
  next_attempt_at: timestampSchema.nullable(),
  /** A worker holds the session right now. */
  in_progress: z.boolean(),
  last_completed_at: timestampSchema.nullable(),
  /** Whether facts are extracted here ("off" without an LLM), and the messages not read for facts yet. */
  fact_extraction: z.enum(["on", "off"]),
  unextracted_messages: z.number().int(),
});
export type EnrichmentStatus = z.infer<typeof enrichmentStatusSchema>;

export const enrichmentOverviewSchema = z.object({
  summarizer: z.string(),
  embedder: z.string().nullable(),
  entities: z.boolean(),
  /** The fact extractor, or null when fact extraction is off (`facts_off_reason` says why). */
  facts: z.string().nullable(),
  facts_off_reason: z.string().nullable(),
  worker: z.boolean(),
  sessions_pending: z.number().int(),
  sessions_failing: z.number().int(),
  messages_unenriched: z.number().int(),
  summaries_unenriched: z.number().int(),
});
export type EnrichmentOverview = z.infer<typeof enrichmentOverviewSchema>;

export const enrichmentFailuresInput = z.object({ limit: limitSchema.default(50) });
export type EnrichmentFailuresInput = z.output<typeof enrichmentFailuresInput>;

export const enrichmentFailureSchema = enrichmentStatusSchema.pick({
  session_id: true,
  attempts: true,
  last_error: true,
  last_error_at: true,
  next_attempt_at: true,
});
export const enrichmentFailuresSchema = z.array(enrichmentFailureSchema);
