import { z } from "zod";
import {
  contentSchema,
  limitSchema,
  metadataSchema,
  storableText,
  timestampSchema,
  uuidSchema,
} from "./common";
import { searchTypes, whereClauseSchema } from "./search";

/** Zep's rule for collection names: 3 to 40 letters and digits. */
export const collectionNameSchema = z
  .string({ error: "collection name must be a string" })
  .regex(/^[A-Za-z0-9]{3,40}$/, "collection name must be 3 to 40 letters and digits");

export const MAX_EMBEDDING_DIMENSIONS = 2000;

const dimensionsSchema = z
  .number({ error: "embedding_dimensions must be a number" })
  .int("embedding_dimensions must be an integer")
  .min(1, "embedding_dimensions must be at least 1")
  .max(MAX_EMBEDDING_DIMENSIONS, `embedding_dimensions must be at most ${MAX_EMBEDDING_DIMENSIONS}`);

const descriptionSchema = storableText("description").pipe(
  z.string().max(10_000, "description must be at most 10000 characters"),
);

export const collectionSchema = z.object({
  uuid: uuidSchema,
  name: z.string(),
  description: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  embedding_dimensions: z.number().int(),
  is_auto_embedded: z.boolean(),
  is_indexed: z.boolean(),
  /** Cosine similarity needs no normalized vectors: Engram compares directions whatever the length. */
  is_normalized: z.boolean(),
  document_count: z.number().int(),
  document_embedded_count: z.number().int(),
  /** Auto-embedded collections: documents whose embedding failed and waits for a retry, and the latest error. */
  embedding_failures: z.number().int(),
  last_embedding_error: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Collection = z.infer<typeof collectionSchema>;
export const collectionsSchema = z.array(collectionSchema);

/** A collection as Zep v0.x clients read it: its dimension and auto-embedding under camelCase names too. */
export const zepCollectionSchema = collectionSchema.extend({
  embeddingDimensions: z.number().int(),
  isAutoEmbedded: z.boolean(),
});
export type ZepCollection = z.infer<typeof zepCollectionSchema>;
export const zepCollectionsSchema = z.array(zepCollectionSchema);

export const createCollectionInput = z.object({
  name: collectionNameSchema,
  description: descriptionSchema.nullish(),
  metadata: metadataSchema.nullish(),
  embedding_dimensions: dimensionsSchema,
  is_auto_embedded: z.boolean({ error: "is_auto_embedded must be true or false" }).nullish(),
});
export type CreateCollectionInput = z.infer<typeof createCollectionInput>;

/** Zep's `POST /collections/{name}` body: the name may be left out, as the path gives it. */
export const createCollectionBody = createCollectionInput.partial({ name: true });

/** Description replaced when given; metadata deep-merged. */
export const updateCollectionInput = z.object({
  description: descriptionSchema.nullish(),
  metadata: metadataSchema.nullish(),
});
export type UpdateCollectionInput = z.infer<typeof updateCollectionInput>;

const embeddingSchema = z
  .array(z.number({ error: "embedding values must be numbers" }).finite("embedding values must be finite"), {
    error: "embedding must be an array of numbers",
  })
  .min(1, "embedding must not be empty")
  .max(MAX_EMBEDDING_DIMENSIONS, `embedding must have at most ${MAX_EMBEDDING_DIMENSIONS} values`);

const documentIdSchema = storableText("document_id").pipe(
  z.string().max(1000, "document_id must be at most 1000 characters"),
);

export const documentInput = z.object({
  document_id: documentIdSchema.nullish(),
  content: contentSchema.nullish(),
  metadata: metadataSchema.nullish(),
  embedding: embeddingSchema.nullish(),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const MAX_DOCUMENTS_PER_CALL = 1000;

export const addDocumentsInput = z
  .array(documentInput, { error: "send a JSON array of documents" })
  .min(1, "send at least one document")
  .max(MAX_DOCUMENTS_PER_CALL, `at most ${MAX_DOCUMENTS_PER_CALL} documents per call`);

export const updateDocumentInput = z.object({
  uuid: uuidSchema.nullish(),
  document_id: documentIdSchema.nullish(),
  metadata: metadataSchema.nullish(),
});
export type UpdateDocumentInput = z.infer<typeof updateDocumentInput>;

export const batchUpdateDocumentsInput = z
  .array(updateDocumentInput.extend({ uuid: uuidSchema }), { error: "send a JSON array of document updates" })
  .min(1, "send at least one document update")
  .max(MAX_DOCUMENTS_PER_CALL, `at most ${MAX_DOCUMENTS_PER_CALL} documents per call`);
export type BatchUpdateDocumentsInput = z.infer<typeof batchUpdateDocumentsInput>;

export const documentUuidsInput = z
  .array(uuidSchema, { error: "send a JSON array of document uuids" })
  .min(1, "send at least one uuid")
  .max(MAX_DOCUMENTS_PER_CALL, `at most ${MAX_DOCUMENTS_PER_CALL} documents per call`);

/** `document/list/get`: documents by uuid and/or by the caller's document_id. */
export const getDocumentsInput = z
  .object({
    uuids: documentUuidsInput.nullish(),
    document_ids: z
      .array(documentIdSchema, { error: "document_ids must be an array of strings" })
      .max(MAX_DOCUMENTS_PER_CALL, `at most ${MAX_DOCUMENTS_PER_CALL} document_ids per call`)
      .nullish(),
  })
  .refine((input) => (input.uuids?.length ?? 0) + (input.document_ids?.length ?? 0) > 0, {
    message: "send uuids or document_ids",
  });
export type GetDocumentsInput = z.infer<typeof getDocumentsInput>;

export const documentSchema = z.object({
  uuid: uuidSchema,
  document_id: z.string().nullable(),
  content: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  embedding: z.array(z.number()).nullable(),
  is_embedded: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  /** Search only: cosine similarity to the query, higher is closer. */
  score: z.number().optional(),
});
export type DocumentOut = z.infer<typeof documentSchema>;
export const documentsSchema = z.array(documentSchema);

/** The uuids of added documents, in the order they were sent. */
export const addedDocumentUuidsSchema = z.array(z.string());

/** Search a collection by text (auto-embedded collections), by embedding, and/or by metadata. */
export const documentSearchInput = z.object({
  text: storableText("text").pipe(z.string().max(10_000, "text must be at most 10000 characters")).nullish(),
  embedding: embeddingSchema.nullish(),
  metadata: z
    .strictObject({ where: whereClauseSchema.optional() }, { error: "metadata filter takes only where" })
    .nullish(),
  search_type: z.enum(searchTypes, { error: "search_type must be similarity or mmr" }).nullish(),
  mmr_lambda: z
    .number({ error: "mmr_lambda must be a number" })
    .min(0, "mmr_lambda must be between 0 and 1")
    .max(1, "mmr_lambda must be between 0 and 1")
    .nullish(),
  limit: limitSchema.default(10),
});
export type DocumentSearchInput = z.output<typeof documentSearchInput>;

/** The body of Zep's `POST /collections/{name}/search`: its limit comes in the query string. */
export const documentSearchBody = documentSearchInput.omit({ limit: true });

export const documentSearchResultSchema = z.object({
  results: z.array(documentSchema),
  /** The vector the documents were compared with (the query's embedding); empty for metadata-only search. */
  query_vector: z.array(z.number()),
});
export type DocumentSearchResult = z.infer<typeof documentSearchResultSchema>;

/** Which nearest-neighbour search serves collections on this database. */
export const vectorSearchStatusSchema = z.object({
  engine: z.enum(["pgvector", "exact"]),
  description: z.string(),
});
export type VectorSearchStatus = z.infer<typeof vectorSearchStatusSchema>;

/** tRPC: a collection by name, and the shapes its procedures take. */
export const collectionRef = z.object({ name: collectionNameSchema });
export const updateCollectionRequest = collectionRef.extend({ patch: updateCollectionInput });
export const getDocumentsRequest = collectionRef.extend({ which: getDocumentsInput });
export const addDocumentsRequest = collectionRef.extend({ documents: addDocumentsInput });
export const updateDocumentsRequest = collectionRef.extend({ updates: batchUpdateDocumentsInput });
export const deleteDocumentsRequest = collectionRef.extend({ uuids: documentUuidsInput });
export const searchDocumentsRequest = collectionRef.extend({ query: documentSearchInput });

export const listDocumentsInput = collectionRef.extend({
  limit: limitSchema.default(50),
  offset: z.number().int().min(0, "offset must not be negative").max(100_000_000).default(0),
});

export const documentRef = collectionRef.extend({ uuid: uuidSchema });
