import { z } from "zod";
import { changedFields } from "@/db/schema";

export const metadataHistoryInput = z.object({
  entity_type: z.enum(["user", "session", "message"]),
  /** user_id, session_id or message uuid. */
  entity_id: z.string().min(1).max(256),
  limit: z.number().int().min(1).max(200).default(50),
  /** The `id` of the last change of the previous page. */
  cursor: z.number().int().positive().optional(),
  /** For a session: its messages' changes too, in one history. */
  include_messages: z.boolean().optional(),
});
export type MetadataHistoryInput = z.output<typeof metadataHistoryInput>;

export const metadataChangeSchema = z.object({
  id: z.number().int(),
  entity_type: z.enum(["user", "session", "message"]),
  entity_id: z.string(),
  /** What changed: the metadata, or the user a session belongs to. */
  field: z.enum(changedFields),
  actor: z.string(),
  /** Who, for people: an account's name, "API key “name”", or "Engram" for background work. */
  actor_name: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type MetadataChange = z.infer<typeof metadataChangeSchema>;

export const metadataHistorySchema = z.object({
  changes: z.array(metadataChangeSchema),
  next_cursor: z.number().int().nullable(),
});
