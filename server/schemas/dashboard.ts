import { z } from "zod";
import { sessionIdSchema } from "./common";
import { getMemoryOptions, summarySchema } from "./memory";
import { listMessagesInput } from "./messages";
import { sessionSchema } from "./sessions";
import { userSchema } from "./users";

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
export const summaryRangesSchema = z.array(summaryRangeSchema);

export const promptPreviewInput = getMemoryOptions
  .pick({ lastn: true, memoryType: true })
  .extend({ sessionId: sessionIdSchema });
export type PromptPreviewInput = z.infer<typeof promptPreviewInput>;

/** The `context` block exactly as `memory.get` with `includeContext` returns it, and its size. */
export const promptPreviewSchema = z.object({ context: z.string(), token_count: z.number().int() });

export const sessionSorts = [
  "last_activity",
  "created_at",
  "message_count",
  "token_count",
  "session_id",
] as const;

export const browseSessionsInput = z.object({
  /** Matches session id, user id, user email or name, metadata text, or message content. */
  query: z.string().trim().max(500, "search text is too long").optional(),
  /** Sessions of users whose id starts with this. */
  user_id: z.string().trim().max(256).optional(),
  /** `key=value`: the session's metadata holds this key with this value (compared as text). */
  metadata: z
    .string()
    .trim()
    .max(1000, "metadata filter is too long")
    .regex(/^[^=]+=/, "metadata filter must look like key=value")
    .optional(),
  /** Only sessions with (or without) a message whose metadata someone changed after it was added. */
  has_annotations: z.boolean().optional(),
  /** Last activity on or after this time. */
  from: z.iso.datetime({ offset: true, error: "from must be an ISO date-time" }).optional(),
  /** Last activity before this time. */
  to: z.iso.datetime({ offset: true, error: "to must be an ISO date-time" }).optional(),
  sort: z.enum(sessionSorts).default("last_activity"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.number().int().min(1).max(100).default(25),
  /** Opaque keyset cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(2000).optional(),
});
export type BrowseSessionsInput = z.output<typeof browseSessionsInput>;

export const browsedSessionSchema = sessionSchema.extend({
  user: z
    .object({
      email: z.string().nullable(),
      first_name: z.string().nullable(),
      last_name: z.string().nullable(),
    })
    .nullable(),
  last_activity_at: z.string(),
});

export const sessionPageSchema = z.object({
  sessions: z.array(browsedSessionSchema),
  next_cursor: z.string().nullable(),
  /** Sessions matching the search and filters, over all pages. */
  total: z.number().int(),
});
export type SessionPage = z.infer<typeof sessionPageSchema>;

/** A keyset cursor as the dashboard lists issue it (base64url JSON): the sort value and the row id. */
export const listCursorSchema = z.tuple([z.string(), z.number().int()]);

export const userSorts = ["created_at", "user_id", "session_count"] as const;

export const browseUsersInput = z.object({
  /** Matches user id, email, name or metadata text. */
  query: z.string().trim().max(500, "search text is too long").optional(),
  /** Users whose id starts with this. */
  user_id: z.string().trim().max(256, "user id filter is too long").optional(),
  sort: z.enum(userSorts).default("created_at"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.number().int().min(1).max(100).default(50),
  /** Opaque keyset cursor from the previous page's `next_cursor`. */
  cursor: z.string().max(2000).optional(),
});
export type BrowseUsersInput = z.output<typeof browseUsersInput>;

export const userPageSchema = z.object({
  users: z.array(userSchema.extend({ session_count: z.number().int() })),
  next_cursor: z.string().nullable(),
  /** Users matching the search and filter, over all pages. */
  total: z.number().int(),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const overviewInput = z.object({ days: z.number().int().min(1).max(365).default(14) });

export const overviewSchema = z.object({
  counts: z.object({
    users: z.number().int(),
    sessions: z.number().int(),
    messages: z.number().int(),
    summaries: z.number().int(),
    tokens: z.number().int(),
    active_api_keys: z.number().int(),
  }),
  activity: z.array(z.object({ day: z.string(), messages: z.number().int(), sessions: z.number().int() })),
});
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewInput = z.output<typeof overviewInput>;

/** Whether `ENGRAM_API_KEY` is set (never the key itself). */
export const environmentApiKeySchema = z.object({ configured: z.boolean() });

/** Every configuration variable as the settings page shows it, secrets only as set or not set. */
export const configurationSchema = z.array(z.object({ name: z.string(), value: z.string() }));
