import { z } from "zod";
import { config } from "../config";

const hasNul = (value: string) => value.includes("\u0000");
/** In unicode mode a surrogate pair is one code point, so this matches only unpaired halves. */
const loneSurrogate = /[\uD800-\uDFFF]/u;
const hasLoneSurrogate = (value: string) => loneSurrogate.test(value);
const unpairedMessage = (label: string) => `${label} must be valid Unicode (it holds an unpaired surrogate)`;

/** Text Postgres can store as given: no NUL characters, no unpaired surrogates (UTF-8 cannot encode them). */
export const storableText = (label: string) =>
  z
    .string()
    .refine((value) => !hasNul(value), `${label} must not contain NUL characters`)
    .refine((value) => !hasLoneSurrogate(value), unpairedMessage(label));

/** A caller's identifier for a user or session. */
export const callerId = (label: string) =>
  z
    .string({ error: `${label} must be a string` })
    .min(1, `${label} must not be empty`)
    .max(256, `${label} must be at most 256 characters`)
    .refine((value) => !hasNul(value), `${label} must not contain NUL characters`)
    .refine((value) => !hasLoneSurrogate(value), unpairedMessage(label))
    .refine((value) => value.trim() === value, `${label} must not start or end with whitespace`);

export const sessionIdSchema = callerId("session_id");
export const userIdSchema = callerId("user_id");

/** tRPC: a session, or a user, by the caller's id. */
export const sessionRef = z.object({ sessionId: sessionIdSchema });
export const userRef = z.object({ userId: userIdSchema });

/** Deeper metadata than this is refused: serializing and merging it would exhaust the stack. */
export const MAX_METADATA_DEPTH = 100;

/** The first reason a JSON value cannot be stored as metadata, walked without recursion. */
function metadataProblem(root: unknown): string | undefined {
  const pending: [unknown, number][] = [[root, 1]];
  const textProblem = (text: string) =>
    hasNul(text)
      ? "metadata must not contain NUL characters"
      : hasLoneSurrogate(text)
        ? unpairedMessage("metadata")
        : undefined;
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return problem;
    } else if (typeof value === "object" && value !== null) {
      if (depth > MAX_METADATA_DEPTH)
        return `metadata must not be nested more than ${MAX_METADATA_DEPTH} levels deep`;
      const entries = Array.isArray(value) ? value.map((item) => ["", item] as const) : Object.entries(value);
      for (const [key, item] of entries) {
        const problem = textProblem(key);
        if (problem) return problem;
        pending.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/** A JSON object as metadata: bounded nesting, no NUL characters or unpaired surrogates in any key or string. */
export const metadataSchema = z
  .record(z.string(), z.unknown(), { error: "metadata must be a JSON object" })
  .superRefine((value, ctx) => {
    const problem = metadataProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Top-level metadata keys an update deletes (after merging its `metadata`). */
export const removeMetadataKeysSchema = z
  .array(z.string().min(1, "a metadata key must not be empty"), {
    error: "remove_metadata_keys must be an array of keys",
  })
  .max(1000, "at most 1000 keys at once");

export const uuidSchema = z.guid({ error: "must be a UUID" });

export const limitSchema = z.coerce
  .number({ error: "limit must be a number" })
  .int("limit must be an integer")
  .min(1, "limit must be at least 1")
  .max(1000, "limit must be at most 1000");

/** Message content, bounded by ENGRAM_MAX_MESSAGE_CHARS. */
export const contentSchema = z
  .string({ error: "content must be a string" })
  .refine((value) => !hasNul(value), "content must not contain NUL characters")
  .refine((value) => !hasLoneSurrogate(value), unpairedMessage("content"))
  .superRefine((value, ctx) => {
    const max = config().ENGRAM_MAX_MESSAGE_CHARS;
    if (value.length > max) {
      ctx.addIssue({ code: "custom", message: `content is ${value.length} characters; the limit is ${max}` });
    }
  });

export const timestampSchema = z.iso.datetime({ offset: true });

/** An annotation: metadata merged in, then top-level keys removed. */
export const metadataPatchInput = z.object({
  metadata: metadataSchema.nullish(),
  remove_metadata_keys: removeMetadataKeysSchema.optional(),
});
export type MetadataPatchInput = z.infer<typeof metadataPatchInput>;

/** A 1-based page number. */
export const pageNumberSchema = z.coerce
  .number({ error: "page_number must be a number" })
  .int("page_number must be an integer")
  .min(1, "page_number is 1-based: it must be at least 1")
  .max(1_000_000, "page_number must be at most 1000000");

export const pageSizeSchema = z.coerce
  .number({ error: "page_size must be a number" })
  .int("page_size must be an integer")
  .min(1, "page_size must be at least 1")
  .max(1000, "page_size must be at most 1000");
