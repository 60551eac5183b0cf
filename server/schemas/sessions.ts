import { z } from "zod";
import { memoryTypes } from "@/db/schema";
import {
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  sessionIdSchema,
  timestampSchema,
  userIdSchema,
  uuidSchema,
} from "./common";

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
  message_count: z.number().int(),
  token_count: z.number().int(),
  last_message_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const createSessionInput = z.object({
  session_id: sessionIdSchema,
  user_id: userIdSchema.nullish(),
  metadata: metadataSchema.nullish(),
  memory_type: memoryTypeSchema.nullish(),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const updateSessionInput = metadataPatchInput.extend({
  memory_type: memoryTypeSchema.nullish(),
});
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

export const listSessionsInput = z.object({
  limit: limitSchema.default(100),
  /** Keyset cursor: the `id` of the last session of the previous page. */
  cursor: z.coerce.number().int().min(0, "cursor must not be negative").default(0),
  user_id: userIdSchema.optional(),
});
export type ListSessionsInput = z.input<typeof listSessionsInput>;
