import { z } from "zod";
import { roleTypes } from "@/db/schema";
import {
  contentSchema,
  limitSchema,
  metadataPatchInput,
  metadataSchema,
  storableText,
  timestampSchema,
  uuidSchema,
} from "./common";

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
