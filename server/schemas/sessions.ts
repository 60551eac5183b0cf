import { z } from "zod";
import { memoryTypes } from "@/db/schema";
import {
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  pageNumberSchema,
  pageSizeSchema,
  sessionIdSchema,
  sessionRef,
  timestampSchema,
  userIdSchema,
  uuidSchema,
} from "./common";
import { factRatingInstructionSchema } from "./facts";

export const memoryTypeSchema = z.enum(memoryTypes, {
  error: `memory type must be one of ${memoryTypes.join(", ")}`,
});

export const sessionSchema = z.object({
  uuid: uuidSchema,
  id: z.number().int(),
  session_id: z.string(),
  user_id: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  memory_type: memoryTypeSchema.nullable(),
  /** Zep's guidance for rating the facts learnt in this session; null when none was given. */
  fact_rating_instruction: factRatingInstructionSchema.nullable(),
  message_count: z.number().int(),
  token_count: z.number().int(),
  last_message_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionsSchema = z.array(sessionSchema);

export const createSessionInput = z.object({
  session_id: sessionIdSchema,
  user_id: userIdSchema.nullish(),
  metadata: metadataSchema.nullish(),
  memory_type: memoryTypeSchema.nullish(),
  fact_rating_instruction: factRatingInstructionSchema.nullish(),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const updateSessionInput = metadataPatchInput.extend({
  memory_type: memoryTypeSchema.nullish(),
  /** Replaces the session's instruction; absent or null leaves it as it is (Zep cannot unset one). */
  fact_rating_instruction: factRatingInstructionSchema.nullish(),
});
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

export const listSessionsInput = z.object({
  limit: limitSchema.default(100),
  /** Keyset cursor: the `id` of the last session of the previous page. */
  cursor: z.coerce.number().int().min(0, "cursor must not be negative").default(0),
  user_id: userIdSchema.optional(),
});
export type ListSessionsInput = z.output<typeof listSessionsInput>;

export const sessionOrderFields = ["created_at", "updated_at", "user_id", "session_id"] as const;

/** Zep CE's `sessions-ordered`: numbered pages in a chosen order (newest first by default). */
export const listSessionsOrderedInput = z.object({
  page_number: pageNumberSchema.default(1),
  page_size: pageSizeSchema.default(100),
  order_by: z
    .enum(sessionOrderFields, { error: `order_by must be one of ${sessionOrderFields.join(", ")}` })
    .default("created_at"),
  asc: z.boolean().default(false),
});
export type ListSessionsOrderedInput = z.output<typeof listSessionsOrderedInput>;

export const sessionListSchema = z.object({
  sessions: z.array(sessionSchema),
  /** Live sessions in all. */
  total_count: z.number().int(),
  /** Sessions on this page. */
  response_count: z.number().int(),
});
export type SessionList = z.infer<typeof sessionListSchema>;

/** Attaches a session to an existing user, or detaches it (`user_id: null`). */
export const setSessionUserInput = z.object({
  sessionId: sessionIdSchema,
  user_id: userIdSchema.nullable(),
});
export type SetSessionUserInput = z.infer<typeof setSessionUserInput>;

/** tRPC: a session's update, and its annotation (metadata only, open to support accounts). */
export const updateSessionRequest = sessionRef.extend({ patch: updateSessionInput });
export const annotateSessionRequest = sessionRef.extend({ patch: metadataPatchInput });
