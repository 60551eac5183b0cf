import { z } from "zod";
import { roleTypes } from "@/db/schema";
import {
  contentSchema,
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  sessionIdSchema,
  sessionRef,
  storableText,
  timestampSchema,
  uuidSchema,
} from "./common";
import { MAX_TRANSCRIPT_QUERY_CHARS } from "./limits";

export const roleTypeSchema = z.enum(roleTypes, {
  error: `role_type must be one of ${roleTypes.join(", ")}`,
});

export const messageSchema = z.object({
  uuid: uuidSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
  role: z.string(),
  role_type: roleTypeSchema,
  content: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  token_count: z.number().int(),
});
export type Message = z.infer<typeof messageSchema>;

export const messageInput = z.object({
  uuid: uuidSchema.nullish(),
  role: storableText("role").pipe(z.string().max(256, "role must be at most 256 characters")),
  role_type: roleTypeSchema.nullish(),
  content: contentSchema,
  metadata: metadataSchema.nullish(),
});
export type MessageInput = z.infer<typeof messageInput>;

export const updateMessageInput = metadataPatchInput.refine(
  (patch) => patch.metadata != null || (patch.remove_metadata_keys?.length ?? 0) > 0,
  { message: "metadata must be a JSON object (or give remove_metadata_keys)", path: ["metadata"] },
);
export type UpdateMessageInput = z.infer<typeof updateMessageInput>;

export const listMessagesInput = z.object({
  limit: limitSchema.default(100),
  /** Keyset cursor: the `position` of the last message of the previous page. */
  cursor: z.coerce.number().int().min(0, "cursor must not be negative").optional(),
  direction: z.enum(["forward", "backward"]).default("forward"),
});
export type ListMessagesInput = z.output<typeof listMessagesInput>;

export const messagePageInput = z.object({
  limit: limitSchema.default(100),
  /** 1-based page number. */
  page: z.coerce.number().int("page must be an integer").min(1, "page must be at least 1").default(1),
});
export type MessagePageInput = z.output<typeof messagePageInput>;

export const messageListSchema = z.object({
  messages: z.array(messageSchema.extend({ position: z.number().int() })),
  next_cursor: z.number().int().nullable(),
});

export const messagePageSchema = z.object({
  messages: z.array(messageSchema),
  total_count: z.number().int(),
  row_count: z.number().int(),
});

/** A search of one session's whole transcript: case-insensitive substring of message content. */
export const searchInSessionInput = z.object({
  sessionId: sessionIdSchema,
  query: storableText("query").pipe(
    z
      .string()
      .trim()
      .min(1, "query must not be empty")
      .max(MAX_TRANSCRIPT_QUERY_CHARS, `query must be at most ${MAX_TRANSCRIPT_QUERY_CHARS} characters`),
  ),
  limit: z
    .number()
    .int()
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(20),
  /** Keyset cursor: the `position` of the last match of the previous page (matches come newest first). */
  cursor: z.number().int().min(0, "cursor must not be negative").optional(),
});
export type SearchInSessionInput = z.output<typeof searchInSessionInput>;

/** Where the query occurs in a snippet: offsets in UTF-16 code units, as JavaScript strings count. */
export const highlightSchema = z.object({ start: z.number().int(), length: z.number().int() });
export type Highlight = z.infer<typeof highlightSchema>;

export const transcriptMatchSchema = z.object({
  uuid: uuidSchema,
  /** The message's position in the session, as the transcript pages it. */
  position: z.number().int(),
  /** Its number in the conversation: 1 = the first live message. */
  number: z.number().int(),
  role: z.string(),
  role_type: roleTypeSchema,
  created_at: timestampSchema,
  /** The content around the first match, whitespace collapsed. */
  snippet: z.string(),
  /** The snippet begins (or ends) inside the content rather than at its start (or end). */
  cut_start: z.boolean(),
  cut_end: z.boolean(),
  highlights: z.array(highlightSchema),
});
export type TranscriptMatch = z.infer<typeof transcriptMatchSchema>;

export const transcriptMatchPageSchema = z.object({
  matches: z.array(transcriptMatchSchema),
  /** Messages of the session that match, over all pages. */
  total: z.number().int(),
  next_cursor: z.number().int().nullable(),
});
export type TranscriptMatchPage = z.infer<typeof transcriptMatchPageSchema>;

/** tRPC: a session's messages page by page; a message by its session and uuid, and its annotation. */
export const listMessagesRequest = listMessagesInput.extend({ sessionId: sessionIdSchema });
export const messageRef = sessionRef.extend({ uuid: z.string() });
export const updateMessageRequest = messageRef.extend({ patch: updateMessageInput });
