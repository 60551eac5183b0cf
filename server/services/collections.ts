import { asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type DocumentCollectionRow, documentCollections, documents } from "@/db/schema";
import { AppError, invalid, notFound } from "../errors";
import { embedderFromConfig } from "../providers/embeddings";
import type { Collection, CreateCollectionInput, UpdateCollectionInput } from "../schemas/collections";
import { deepMerge } from "./metadata";
import { createCollectionIndex, dropCollectionIndex } from "./vectorSearch";

interface DocumentCounts {
  document_count: number;
  document_embedded_count: number;
  embedding_failures: number;
  last_embedding_error: string | null;
}

const noDocuments: DocumentCounts = {
  document_count: 0,
  document_embedded_count: 0,
  embedding_failures: 0,
  last_embedding_error: null,
};

/** Per collection: documents, embedded documents, documents whose embedding failed, the latest failure. */
const countsQuery = (db: Queryable) =>
  db
    .select({
      collectionId: documents.collectionId,
      document_count: sql<number>`count(*)::int`.mapWith(Number),
      document_embedded_count: sql<number>`count(${documents.embedding})::int`.mapWith(Number),
      embedding_failures:
        sql<number>`count(*) filter (where ${documents.embedding} is null and ${documents.embedError} is not null)::int`.mapWith(
          Number,
        ),
      last_embedding_error: sql<
        string | null
      >`(array_agg(${documents.embedError} order by ${documents.updatedAt} desc) filter (where ${documents.embedding} is null and ${documents.embedError} is not null))[1]`,
    })
    .from(documents)
    .groupBy(documents.collectionId);

function toCollection(row: DocumentCollectionRow, counts: DocumentCounts): Collection {
  return {
    uuid: row.uuid,
    name: row.name,
    description: row.description,
    metadata: row.metadata,
    embedding_dimensions: row.embeddingDimensions,
    is_auto_embedded: row.isAutoEmbedded,
    is_indexed: row.isIndexed,
    is_normalized: false,
    ...counts,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function findCollection(
  db: Queryable,
  name: string,
): Promise<DocumentCollectionRow | undefined> {
  const [row] = await db.select().from(documentCollections).where(eq(documentCollections.name, name));
  return row;
}

export async function requireCollection(db: Queryable, name: string): Promise<DocumentCollectionRow> {
  const row = await findCollection(db, name);
  if (!row) throw notFound(`collection ${JSON.stringify(name)}`);
  return row;
}

async function withCounts(db: Queryable, row: DocumentCollectionRow): Promise<Collection> {
  const [counts] = await countsQuery(db).where(eq(documents.collectionId, row.id));
  return toCollection(row, counts ?? noDocuments);
}

/** Creates a collection; an auto-embedded one needs Engram's embeddings provider. */
export async function createCollection(db: Db, input: CreateCollectionInput): Promise<Collection> {
  if (input.is_auto_embedded && !embedderFromConfig()) {
    throw invalid(
      "an auto-embedded collection needs an embeddings provider: set ENGRAM_EMBEDDINGS_BASE_URL " +
        "(or create the collection with is_auto_embedded: false and send embeddings)",
    );
  }
  const [created] = await db
    .insert(documentCollections)
    .values({
      name: input.name,
      description: input.description ?? "",
      metadata: input.metadata ?? {},
      embeddingDimensions: input.embedding_dimensions,
      isAutoEmbedded: input.is_auto_embedded ?? false,
    })
    .onConflictDoNothing({ target: documentCollections.name })
    .returning();
  if (!created)
    throw new AppError("ALREADY_EXISTS", `collection ${JSON.stringify(input.name)} already exists`);
  return toCollection(created, noDocuments);
}

export async function getCollection(db: Queryable, name: string): Promise<Collection> {
  return withCounts(db, await requireCollection(db, name));
}

/** Every collection by name, with its document counts. */
export async function listCollections(db: Queryable): Promise<Collection[]> {
  const rows = await db.select().from(documentCollections).orderBy(asc(documentCollections.name));
  const counts = new Map((await countsQuery(db)).map(({ collectionId, ...rest }) => [collectionId, rest]));
  return rows.map((row) => toCollection(row, counts.get(row.id) ?? noDocuments));
}

/** Replaces the description when given; deep-merges metadata. */
export async function updateCollection(
  db: Db,
  name: string,
  input: UpdateCollectionInput,
): Promise<Collection> {
  const updated = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(documentCollections)
      .where(eq(documentCollections.name, name))
      .for("update");
    if (!current) throw notFound(`collection ${JSON.stringify(name)}`);
    const [row] = await tx
      .update(documentCollections)
      .set({
        description: input.description ?? current.description,
        metadata: input.metadata ? deepMerge(current.metadata, input.metadata) : current.metadata,
        updatedAt: sql`now()`,
      })
      .where(eq(documentCollections.id, current.id))
      .returning();
    return row!;
  });
  return withCounts(db, updated);
}

/** Deletes a collection with all of its documents. */
export async function deleteCollection(db: Db, name: string): Promise<void> {
  const collection = await requireCollection(db, name);
  await dropCollectionIndex(db, collection.id);
  await db.delete(documentCollections).where(eq(documentCollections.id, collection.id));
}

/** Zep's `index/create`: on pgvector, an HNSW index for this collection; elsewhere search stays exact. */
export async function createIndex(db: Db, name: string): Promise<Collection> {
  const collection = await requireCollection(db, name);
  await createCollectionIndex(db, collection.id, collection.embeddingDimensions);
  const [row] = await db
    .update(documentCollections)
    .set({ isIndexed: true, updatedAt: sql`now()` })
    .where(eq(documentCollections.id, collection.id))
    .returning();
  return withCounts(db, row!);
}
