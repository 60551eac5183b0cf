import { z } from "zod";

/** Replies of the OpenAI-compatible model endpoints Engram calls, as far as Engram reads them. */

/** A chat completion for the summarizer: non-empty text in the first choice, and the tokens spent when reported. */
export const chatCompletionReply = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().min(1) }) })).min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).optional(),
});

/** A chat completion for the fact extractor: any text, as an empty one fails later as not JSON. */
export const factsChatCompletionReply = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export const embeddingsReply = z.object({
  data: z.array(
    z.object({ index: z.number().int().min(0).optional(), embedding: z.array(z.number()).min(1) }),
  ),
});

const ids = z.array(z.string().min(1).max(20)).max(100);

/** What the fact extractor's model may propose; anything else is refused whole. */
export const factOperationSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("add"),
    fact: z.string().trim().min(1).max(2_000),
    rating: z.number().min(0).max(1),
    sources: ids.min(1),
  }),
  z.object({ type: z.literal("restate"), fact_id: z.string().min(1).max(20), sources: ids.min(1) }),
  z.object({
    type: z.literal("invalidate"),
    fact_id: z.string().min(1).max(20),
    sources: ids.default([]),
    /** The sentence of the fact added in its place, if any. */
    replaced_by: z.string().max(2_000).optional(),
  }),
]);
export type FactOperation = z.infer<typeof factOperationSchema>;

export const extractionReplySchema = z.object({ operations: z.array(factOperationSchema).max(200) });
