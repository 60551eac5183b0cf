import { z } from "zod";
import { factEndings, factOrigins } from "@/db/schema";
import { limitSchema, sessionRef, storableText, timestampSchema, userRef, uuidSchema } from "./common";

/** A fact on the wire: Zep's `uuid`, `fact`, `rating`, `created_at`, plus validity and provenance. */
export const factSchema = z
  .object({
    uuid: uuidSchema,
    fact: z.string(),
    rating: z.number(),
    created_at: timestampSchema,
    updated_at: timestampSchema,
    valid_at: timestampSchema,
    /** When the fact stopped being true; null while it holds. */
    invalid_at: timestampSchema.nullable(),
    invalid_reason: z.enum(factEndings).nullable(),
    superseded_by: uuidSchema.nullable(),
    /** The user the fact is about; null for a fact about a session that has no user. */
    user_id: z.string().nullable(),
    /** The session it is about (no user) or was first learnt in. */
    session_id: z.string().nullable(),
    source_message_uuids: z.array(uuidSchema),
    pinned: z.boolean(),
    /** A pinned fact stays valid when its sources are deleted; this says when the last one went. */
    sources_deleted_at: timestampSchema.nullable(),
    origin: z.enum(factOrigins),
    token_count: z.number().int(),
  })
  .meta({ id: "Fact" });
export type Fact = z.infer<typeof factSchema>;
export const factsSchema = z.array(factSchema);

export const factText = storableText("fact").pipe(
  z.string().trim().min(1, "fact must not be empty").max(2_000, "fact must be at most 2000 characters"),
);

const ratingGuidance = (label: string) =>
  storableText(label).pipe(z.string().trim().max(2_000, `${label} must be at most 2000 characters`));

/**
 * Zep's `fact_rating_instruction` on a session or user: how to rate facts for this app, with an
 * example of a high, medium and low rated fact.
 */
export const factRatingInstructionSchema = z
  .object(
    {
      instruction: ratingGuidance("fact_rating_instruction.instruction").optional(),
      examples: z
        .object(
          {
            high: ratingGuidance("fact_rating_instruction.examples.high").optional(),
            medium: ratingGuidance("fact_rating_instruction.examples.medium").optional(),
            low: ratingGuidance("fact_rating_instruction.examples.low").optional(),
          },
          { error: "fact_rating_instruction.examples must be an object with high, medium and low" },
        )
        .optional(),
    },
    { error: "fact_rating_instruction must be an object with instruction and examples" },
  )
  .meta({ id: "FactRatingInstruction" });
export type FactRatingInstructionInput = z.infer<typeof factRatingInstructionSchema>;

export const ratingSchema = z.coerce
  .number({ error: "rating must be a number" })
  .min(0, "rating must be between 0 and 1")
  .max(1, "rating must be between 0 and 1");

/** `as_of`: the facts that were valid (and known) at that time. */
export const asOfSchema = z.iso.datetime({ offset: true, error: "as_of must be an RFC 3339 date-time" });

const booleanFlag = (label: string) =>
  z.union(
    [
      z.boolean(),
      z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1"),
    ],
    { error: `${label} must be true or false` },
  );

export const listFactsOptions = z.object({
  asOf: asOfSchema.optional(),
  minRating: ratingSchema.optional(),
  /** Also facts that are no longer valid (the history), newest first. */
  includeInvalid: booleanFlag("include_invalid").optional(),
  limit: limitSchema.default(1000),
});
export type ListFactsOptions = z.output<typeof listFactsOptions>;

export const addFactInput = z.object({
  fact: factText,
  rating: ratingSchema.default(0.5),
  pinned: z.boolean().default(false),
  source_message_uuids: z.array(uuidSchema).max(100).default([]),
});
export type AddFactInput = z.output<typeof addFactInput>;

export const editFactInput = z
  .object({ fact: factText.optional(), rating: ratingSchema.optional() })
  .refine((edit) => edit.fact !== undefined || edit.rating !== undefined, "give fact or rating");
export type EditFactInput = z.output<typeof editFactInput>;

export const factChangeSchema = z.object({
  id: z.number().int(),
  fact_uuid: uuidSchema,
  action: z.string(),
  actor: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  created_at: timestampSchema,
});
export type FactChange = z.infer<typeof factChangeSchema>;

/** A fact with its trail and the facts it replaced or was replaced by. */
export const factHistorySchema = z.object({
  fact: factSchema,
  changes: z.array(factChangeSchema),
});

/** Zep's `GET /facts/{uuid}` reply. */
export const factResponseSchema = z.object({ fact: factSchema });
/** Zep's `GET /sessions/{id}/facts` and `GET /users/{id}/facts` reply. */
export const factsResponseSchema = z.object({ facts: z.array(factSchema) });

/** The whole instance's fact extraction, for the dashboard and status. */
export const factExtractionStatusSchema = z.object({
  /** The extractor's name, or null when extraction is off. */
  extractor: z.string().nullable(),
  /** Why extraction is off, in words an operator can act on. */
  off_reason: z.string().nullable(),
});
export type FactExtractionStatus = z.infer<typeof factExtractionStatusSchema>;

/** tRPC: a fact by its uuid (one that is not a UUID is not found), and what its procedures take. */
export const factRef = z.object({ uuid: z.string().max(100) });
export const listUserFactsRequest = userRef.extend(listFactsOptions.shape);
export const listSessionFactsRequest = sessionRef.extend(listFactsOptions.shape);
export const addUserFactRequest = userRef.extend(addFactInput.shape);
export const addSessionFactRequest = sessionRef.extend(addFactInput.shape);
export const editFactRequest = factRef.extend({ patch: editFactInput });
export const pinFactRequest = factRef.extend({ pinned: z.boolean() });

/** tRPC: the messages facts came from, with their sessions, for links. */
export const sourceMessagesInput = z.object({ uuids: z.array(uuidSchema).max(100) });
export const sourceMessagesSchema = z.array(
  z.object({
    uuid: z.string(),
    session_id: z.string(),
    role: z.string(),
    content: z.string(),
    created_at: z.string(),
  }),
);
