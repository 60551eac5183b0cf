import { z } from "zod";
import { limitSchema, sessionIdSchema, userIdSchema } from "./common";
import { factSchema, ratingSchema } from "./facts";
import { summarySchema } from "./memory";
import { messageSchema } from "./messages";

export const searchScopes = ["messages", "summary", "facts"] as const;
export const searchTypes = ["similarity", "mmr"] as const;

const jsonPathSchema = z
  .string({ error: "jsonpath must be a string" })
  .min(1, "jsonpath must not be empty")
  .max(2000, "jsonpath must be at most 2000 characters")
  .refine((value) => !value.includes("\u0000"), "jsonpath must not contain NUL characters");

/**
 * Zep's metadata filter: a node holds when its `jsonpath` matches the item's metadata, every
 * `and` node holds, and (when `or` is given) at least one `or` node holds.
 */
export interface WhereClause {
  jsonpath?: string;
  and?: WhereClause[];
  or?: WhereClause[];
}

export const whereClauseSchema: z.ZodType<WhereClause> = z.lazy(() =>
  z
    .strictObject(
      {
        jsonpath: jsonPathSchema.optional(),
        and: z.array(whereClauseSchema, { error: "and must be an array of filters" }).max(50).optional(),
        or: z.array(whereClauseSchema, { error: "or must be an array of filters" }).max(50).optional(),
      },
      { error: "a where filter is an object with jsonpath, and, or" },
    )
    .refine(
      (clause) =>
        clause.jsonpath !== undefined || (clause.and?.length ?? 0) > 0 || (clause.or?.length ?? 0) > 0,
      "a where filter needs jsonpath, and or or",
    )
    .meta({ id: "WhereClause" }),
);

/** An ISO 8601 date or date-time (without an offset it is read as UTC). */
const dateBoundSchema = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], {
  error: "must be an ISO 8601 date or date-time",
});

export const searchFilterSchema = z.strictObject(
  {
    where: whereClauseSchema.optional(),
    start_date: dateBoundSchema.optional(),
    end_date: dateBoundSchema.optional(),
  },
  { error: "metadata filter takes only where, start_date and end_date" },
);
export type SearchFilter = z.infer<typeof searchFilterSchema>;

/** The body of Zep's `POST /sessions/{id}/search`. */
export const searchPayloadSchema = z.object({
  text: z
    .string({ error: "text must be a string" })
    .max(10_000, "text must be at most 10000 characters")
    .refine((value) => !value.includes("\u0000"), "text must not contain NUL characters")
    .nullish(),
  metadata: searchFilterSchema.nullish(),
  search_scope: z.enum(searchScopes, { error: "search_scope must be messages, summary or facts" }).nullish(),
  /** With `search_scope: facts`: only facts rated at least this. */
  min_fact_rating: ratingSchema.nullish(),
  /** `mmr` re-ranks for diversity: by embeddings where they exist, by shared words otherwise. */
  search_type: z.enum(searchTypes, { error: "search_type must be similarity or mmr" }).nullish(),
  mmr_lambda: z
    .number({ error: "mmr_lambda must be a number" })
    .min(0, "mmr_lambda must be between 0 and 1")
    .max(1, "mmr_lambda must be between 0 and 1")
    .nullish(),
});
export type SearchPayload = z.infer<typeof searchPayloadSchema>;

/** Search in one session, one user's sessions, or (with neither) every session. */
export const searchInput = searchPayloadSchema.extend({
  sessionId: sessionIdSchema.optional(),
  /** Only these sessions (Zep CE's `session_ids`). */
  sessionIds: z
    .array(sessionIdSchema, { error: "session_ids must be an array of session ids" })
    .min(1, "session_ids must name at least one session")
    .max(1000, "session_ids may name at most 1000 sessions")
    .optional(),
  userId: userIdSchema.optional(),
  limit: limitSchema.default(10),
});
export type SearchInput = z.output<typeof searchInput>;

/** A search within one session (`POST /sessions/{id}/search`): the body and the path's session. */
export const sessionScopedSearchInput = searchInput.omit({ userId: true, sessionIds: true });

export const searchResultSchema = z.object({
  message: messageSchema.optional(),
  summary: summarySchema.optional(),
  fact: factSchema.optional(),
  /** The matched message's or summary's metadata. */
  metadata: z.record(z.string(), z.unknown()),
  /** The session the item belongs to. */
  session_id: z.string(),
  /** Relevance in [0, 1], higher is better (Zep v1 calls it `dist`, v2 `score`). */
  dist: z.number(),
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchResultsSchema = z.array(searchResultSchema);

/**
 * Zep CE's `POST /sessions/search`: across the sessions named in `session_ids`, one user's
 * sessions, or every session. `record_filter` is the metadata filter; `facts` searches the facts of
 * that user or of the named sessions' owners.
 */
export const sessionSearchInput = z.object({
  text: searchPayloadSchema.shape.text,
  record_filter: searchFilterSchema.nullish(),
  search_scope: z
    .enum([...searchScopes, "facts"], { error: "search_scope must be messages, summary or facts" })
    .nullish(),
  search_type: searchPayloadSchema.shape.search_type,
  mmr_lambda: searchPayloadSchema.shape.mmr_lambda,
  min_score: z
    .number({ error: "min_score must be a number" })
    .min(0, "min_score must be between 0 and 1")
    .max(1, "min_score must be between 0 and 1")
    .nullish(),
  min_fact_rating: z.number({ error: "min_fact_rating must be a number" }).nullish(),
  session_ids: searchInput.shape.sessionIds.nullish(),
  user_id: userIdSchema.nullish(),
  limit: limitSchema.default(10),
});
export type SessionSearchInput = z.output<typeof sessionSearchInput>;

/** The body of `POST /sessions/search`: its limit comes in the query string. */
export const sessionSearchBody = sessionSearchInput.omit({ limit: true });

export const sessionSearchResultSchema = z.object({
  fact: factSchema.optional(),
  message: messageSchema.optional(),
  summary: summarySchema.optional(),
  session_id: z.string(),
  score: z.number(),
});

export const sessionSearchResponseSchema = z.object({ results: z.array(sessionSearchResultSchema) });
export type SessionSearchResponse = z.infer<typeof sessionSearchResponseSchema>;
