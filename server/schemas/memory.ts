import { z } from "zod";
import { config } from "../config";
import { metadataSchema, sessionRef, storableText, timestampSchema, uuidSchema } from "./common";
import { factSchema, ratingSchema } from "./facts";
import { messageInput, messageSchema } from "./messages";
import { memoryTypeSchema } from "./sessions";

export const summarySchema = z.object({
  uuid: uuidSchema,
  created_at: timestampSchema,
  content: z.string(),
  recent_message_uuid: uuidSchema,
  metadata: z.record(z.string(), z.unknown()),
  token_count: z.number().int(),
});
export type Summary = z.infer<typeof summarySchema>;
export const summariesSchema = z.array(summarySchema);

export const addMemoryInput = z.object({
  messages: z
    .array(messageInput, { error: "messages must be an array of messages" })
    .min(1, "messages must hold at least one message")
    .superRefine((list, ctx) => {
      const max = config().ENGRAM_MAX_BATCH_MESSAGES;
      if (list.length > max) ctx.addIssue({ code: "custom", message: `at most ${max} messages per call` });
      const seen = new Set<string>();
      for (const message of list) {
        if (!message.uuid) continue;
        const key = message.uuid.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({ code: "custom", message: `message uuid ${message.uuid} appears twice` });
        seen.add(key);
      }
    }),
});
export type AddMemoryInput = z.infer<typeof addMemoryInput>;

export const addMemoryResultSchema = z.object({
  session_id: z.string(),
  /** Messages stored by this call; re-sent uuids are not counted. */
  added: z.number().int(),
  /** Uuids of the batch, in order, whether newly stored or already there. */
  message_uuids: z.array(z.string()),
});
export type AddMemoryResult = z.infer<typeof addMemoryResultSchema>;

const lastnSchema = z.coerce
  .number({ error: "lastn must be a number" })
  .int("lastn must be an integer")
  .min(0, "lastn must not be negative")
  .max(100_000, "lastn must be at most 100000");

export const getMemoryOptions = z.object({
  lastn: lastnSchema.optional(),
  memoryType: memoryTypeSchema.optional(),
  maxTokens: z.coerce
    .number({ error: "max_tokens must be a number" })
    .int("max_tokens must be an integer")
    .min(1, "max_tokens must be at least 1")
    .optional(),
  /** Only facts rated at least this (Zep's `minRating`). */
  minRating: ratingSchema.optional(),
  /** Also return `context`: the memory as one block of text, ready for a prompt. */
  includeContext: z
    .union(
      [
        z.boolean(),
        z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1"),
      ],
      { error: "include_context must be true or false" },
    )
    .optional(),
});
export type GetMemoryOptions = z.output<typeof getMemoryOptions>;

export const memorySchema = z.object({
  messages: z.array(messageSchema),
  summary: summarySchema.optional(),
  /** summary_retriever: the summaries most relevant to the returned messages, best first. */
  relevant_summaries: z.array(summarySchema).optional(),
  memory_type: memoryTypeSchema,
  /** Valid facts about the session's user (or the session), most relevant to the messages first. */
  relevant_facts: z.array(factSchema),
  /** The same facts as sentences (Zep CE's `facts`). */
  facts: z.array(z.string()),
  /** With `includeContext`: summary and recent turns formatted for a prompt. */
  context: z.string().optional(),
});
export type Memory = z.infer<typeof memorySchema>;

export const addSummaryInput = z.object({
  content: storableText("content").pipe(z.string().min(1, "content must not be empty")),
  recent_message_uuid: uuidSchema,
  metadata: metadataSchema.nullish(),
});
export type AddSummaryInput = z.infer<typeof addSummaryInput>;

/** tRPC: a session's memory to add or read, and a summary to add. */
export const addMemoryRequest = sessionRef.extend(addMemoryInput.shape);
export const getMemoryRequest = sessionRef.extend(getMemoryOptions.shape);
export const addSummaryRequest = sessionRef.extend(addSummaryInput.shape);
