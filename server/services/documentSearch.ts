import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type DocumentCollectionRow, documents } from "@/db/schema";
import { invalid, unavailable } from "../errors";
import { embedderFromConfig } from "../providers/embeddings";
import { ProviderError } from "../providers/llm";
import type { DocumentSearchInput, DocumentSearchResult } from "../schemas/collections";
import { requireCollection } from "./collections";
import { maximalMarginalRelevance, unit } from "./documentRanking";
import { checkEmbedding, toDocument } from "./documents";
import { assertValidJsonPaths, compileWhere } from "./search";
import { nearestFirst, prepareIndexScan, similarityExpression, vectorEngine } from "./vectorSearch";

/** How many nearest neighbours MMR chooses from, per result asked for. */
const MMR_CANDIDATES_PER_RESULT = 4;

/**
 * Searches a collection: nearest documents to the embedding (or to the text, embedded by the
 * provider), best first with their cosine similarity as `score`, optionally re-ranked by MMR; or,
 * with only a metadata filter, the matching documents oldest first.
 */
export async function searchDocuments(
  db: Db,
  name: string,
  input: DocumentSearchInput,
): Promise<DocumentSearchResult> {
  const collection = await requireCollection(db, name);
  const where = input.metadata?.where;
  const text = input.text?.trim() ?? "";
  if (!input.embedding && !text && !where) {
    throw invalid("search needs text, an embedding or a metadata where filter");
  }
  if (where) await assertValidJsonPaths(db, where);
  if (input.embedding) checkEmbedding(collection, input.embedding, "the query embedding");

  const query = input.embedding ?? (text ? await embedText(collection, text) : undefined);
  const filter = where ? compileWhere(where, documents.metadata) : undefined;
  if (!query) {
    const rows = await db
      .select()
      .from(documents)
      .where(and(eq(documents.collectionId, collection.id), filter))
      .orderBy(asc(documents.id))
      .limit(input.limit);
    return { results: rows.map((row) => toDocument(row)), query_vector: [] };
  }

  const mmr = input.search_type === "mmr";
  const candidateLimit = Math.min(1000, mmr ? input.limit * MMR_CANDIDATES_PER_RESULT : input.limit);
  const unitQuery = unit(query);
  const engine = await vectorEngine(db);
  const similarity = similarityExpression(engine, collection.embeddingDimensions, unitQuery);
  const nearest = (tx: Queryable) =>
    tx
      .select({ row: documents, score: sql<number>`${similarity}`.mapWith(Number) })
      .from(documents)
      // The id as a literal, so the planner can use the collection's partial HNSW index.
      .where(
        and(
          sql`${documents.collectionId} = ${sql.raw(String(collection.id))}`,
          isNotNull(documents.embedding),
          filter,
        ),
      )
      .orderBy(nearestFirst(engine, collection.embeddingDimensions, unitQuery), asc(documents.id))
      .limit(candidateLimit);
  const candidates =
    engine === "pgvector" && collection.isIndexed
      ? await db.transaction(async (tx) => {
          await prepareIndexScan(tx, candidateLimit, filter !== undefined);
          return nearest(tx);
        })
      : await nearest(db);

  const chosen = mmr
    ? maximalMarginalRelevance(
        query,
        candidates.map(({ row }) => row.embedding ?? []),
        input.mmr_lambda ?? 0.5,
        input.limit,
      ).map((index) => candidates[index]!)
    : candidates;
  return { results: chosen.map(({ row, score }) => toDocument(row, score)), query_vector: query };
}

/** The text's embedding from the provider, which must match the collection's dimension. */
async function embedText(collection: DocumentCollectionRow, text: string): Promise<number[]> {
  const embedder = embedderFromConfig();
  if (!embedder) {
    throw invalid(
      "searching by text needs an embeddings provider (set ENGRAM_EMBEDDINGS_BASE_URL), or send an embedding",
    );
  }
  let vector: number[] | undefined;
  try {
    [vector] = await embedder.embed([text]);
  } catch (error) {
    // The provider's status and reply (never its key), as a 503 the caller may retry.
    if (error instanceof ProviderError)
      throw unavailable(`the embeddings provider failed: ${error.message.slice(0, 300)}`);
    throw error;
  }
  if (!vector || vector.length !== collection.embeddingDimensions) {
    throw invalid(
      `the embeddings provider returns ${vector?.length ?? 0}-dimension vectors; collection ${JSON.stringify(collection.name)} has ${collection.embeddingDimensions}`,
    );
  }
  return vector;
}
