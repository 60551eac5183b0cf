import { z } from "zod";
import { sessionIdSchema } from "./common";
import { getMemoryOptions, summarySchema } from "./memory";
import { listMessagesInput } from "./messages";

/**
 * The dashboard's transcript: always newest first, older pages by cursor. tRPC's infinite queries
 * reserve `direction` for their own paging, so the order is not an input here.
 */
export const transcriptPageInput = listMessagesInput
  .pick({ limit: true, cursor: true })
  .extend({ sessionId: sessionIdSchema });
export type TranscriptPageInput = z.infer<typeof transcriptPageInput>;

/** A message by its uuid and its number in the session (1 = first live message). */
export const messageRefSchema = z.object({ uuid: z.string(), number: z.number().int() });

/** A summary with the stretch of the conversation it stands for. */
export const summaryRangeSchema = summarySchema.extend({
  /** The first and last message the summary covers: summaries fold everything up to their last one. */
  from: messageRefSchema.nullable(),
  through: messageRefSchema.nullable(),
  /** The first message this summary added beyond the one before it. */
  new_from: messageRefSchema.nullable(),
});
export type SummaryRange = z.infer<typeof summaryRangeSchema>;

export const promptPreviewInput = getMemoryOptions
  .pick({ lastn: true, memoryType: true })
  .extend({ sessionId: sessionIdSchema });
export type PromptPreviewInput = z.infer<typeof promptPreviewInput>;

/** The `context` block exactly as `memory.get` with `includeContext` returns it, and its size. */
export const promptPreviewSchema = z.object({ context: z.string(), token_count: z.number().int() });
