import { z } from "zod";
import { collectionNameSchema } from "./collections";
import {
  limitSchema,
  pageNumberSchema,
  pageSizeSchema,
  sessionIdSchema,
  userIdSchema,
  uuidSchema,
} from "./common";
import { listFactsOptions } from "./facts";
import { getMemoryOptions } from "./memory";
import { listSessionsOrderedInput, memoryTypeSchema } from "./sessions";

/** Zep's REST API: path parameters and query strings, with errors that name them as the caller wrote them. */

/** Path parameters and the schema each is checked with before any service runs. */
export const pathParams: Record<string, z.ZodType<string>> = {
  userId: userIdSchema,
  sessionId: sessionIdSchema,
  messageUuid: z.string().max(100, "message uuid is too long"),
  collectionName: collectionNameSchema,
  documentUuid: uuidSchema,
  factUuid: z.string().max(100, "fact uuid is too long"),
};

/** The `{name}` parameters of an OpenAPI-style path as one object, or undefined when it has none. */
export function pathParamsSchema(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, pathParams[name]!])));
}

/** `GET /users` and `GET /sessions`: keyset paging on `id` (the `id` of the last item seen). */
export const keysetPageQuery = z.object({
  limit: limitSchema.default(100),
  cursor: z.coerce
    .number({ error: "cursor must be a number" })
    .int("cursor must be an integer")
    .min(0, "cursor must not be negative")
    .default(0),
});

/** `GET /sessions/{id}/messages`: `cursor` is a 1-based page number, as in Zep. */
export const messagePageQuery = z.object({
  limit: limitSchema.default(100),
  cursor: z.coerce
    .number({ error: "cursor must be a page number" })
    .int("cursor must be an integer")
    .min(1, "cursor is a 1-based page number: it must be at least 1")
    .default(1),
});

/** `GET /sessions/{id}/memory`: v2's `memoryType` (also accepted as `memory_type`). */
export const memoryQuery = z.object({
  lastn: getMemoryOptions.shape.lastn,
  memoryType: memoryTypeSchema.optional(),
  memory_type: memoryTypeSchema.optional(),
  max_tokens: getMemoryOptions.shape.maxTokens,
  include_context: getMemoryOptions.shape.includeContext,
  /** zep-js 2.0.2 sends `minRating`; `min_rating` is accepted too. */
  minRating: getMemoryOptions.shape.minRating,
  min_rating: getMemoryOptions.shape.minRating,
});

export const searchQuery = z.object({ limit: limitSchema.optional() });

/** `index/create?force=true`: Engram builds the index whatever the collection's size. */
export const indexCreateQuery = z.object({
  force: z.enum(["true", "false"], { error: "force must be true or false" }).optional(),
});

const queryBoolean = (name: string) =>
  z
    .enum(["true", "false"], { error: `${name} must be true or false` })
    .transform((value) => value === "true");

/** `GET /sessions-ordered` (Zep CE): numbered pages in a chosen order. */
export const sessionsOrderedQuery = z.object({
  page_number: pageNumberSchema.default(1),
  page_size: pageSizeSchema.default(100),
  order_by: listSessionsOrderedInput.shape.order_by,
  asc: queryBoolean("asc").default(false),
});

/** `GET /users-ordered` (Zep CE): its client sends `pageNumber` and `pageSize`. */
export const usersOrderedQuery = z.object({
  pageNumber: pageNumberSchema.optional(),
  pageSize: pageSizeSchema.optional(),
  page_number: pageNumberSchema.optional(),
  page_size: pageSizeSchema.optional(),
});

/** `GET /sessions/{id}/facts` and `GET /users/{id}/facts`. */
export const factListQuery = z.object({
  as_of: listFactsOptions.shape.asOf,
  minRating: listFactsOptions.shape.minRating,
  min_rating: listFactsOptions.shape.minRating,
  include_invalid: listFactsOptions.shape.includeInvalid,
  limit: limitSchema.optional(),
});

export const okText = z.literal("OK");

/** The same "OK" as JSON, for clients that authenticate with `Api-Key` (Zep CE 1.0's client). */
export const okJson = z.object({ message: z.literal("OK") }).meta({ id: "Ok" });

export const errorBodySchema = z
  .object({ message: z.string(), code: z.string() })
  .meta({ id: "Error", description: "Every 4xx and 5xx reply" });
