import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type DocumentCollectionRow, type DocumentRow, documents } from "@/db/schema";
import { invalid, notFound } from "../errors";
import type {
  BatchUpdateDocumentsInput,
  DocumentInput,
  DocumentOut,
  GetDocumentsInput,
  UpdateDocumentInput,
} from "../schemas/collections";
import { requireCollection } from "./collections";
import { norm } from "./documentRanking";
import { deepMerge } from "./metadata";

export function toDocument(row: DocumentRow, score?: number): DocumentOut {
  return {
    uuid: row.uuid,
    document_id: row.documentId,
    content: row.content,
    metadata: row.metadata,
    embedding: row.embedding,
    is_embedded: row.embedding !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(score !== undefined && { score }),
  };
}

/** An embedding the collection can hold: its dimension, not all zeros (a zero vector has no direction). */
export function checkEmbedding(
  collection: DocumentCollectionRow,
  embedding: readonly number[],
  what: string,
): void {
  if (embedding.length !== collection.embeddingDimensions) {
    throw invalid(
      `${what} has ${embedding.length} dimensions; collection ${JSON.stringify(collection.name)} has ${collection.embeddingDimensions}`,
    );
  }
  if (norm(embedding) === 0) throw invalid(`${what} is all zeros`);
}

function checkDocument(collection: DocumentCollectionRow, document: DocumentInput, position: number): void {
  const what = `document ${position}`;
  if (document.embedding) {
    checkEmbedding(collection, document.embedding, `${what}'s embedding`);
  } else if (!collection.isAutoEmbedded) {
    throw invalid(
      `${what} has no embedding, and collection ${JSON.stringify(collection.name)} is not auto-embedded`,
    );
  } else if (!document.content?.trim()) {
    throw invalid(`${what} has neither content to embed nor an embedding`);
  }
}

/**
 * Adds documents in one statement (all or none) and answers their uuids in order. Documents of an
 * auto-embedded collection without an embedding are embedded in the background.
 */
export async function addDocuments(db: Db, name: string, input: DocumentInput[]): Promise<string[]> {
  const collection = await requireCollection(db, name);
  for (const [index, document] of input.entries()) checkDocument(collection, document, index);
  const rows = await db
    .insert(documents)
    .values(
      input.map((document) => ({
        collectionId: collection.id,
        documentId: document.document_id ?? null,
        content: document.content ?? "",
        metadata: document.metadata ?? {},
        embedding: document.embedding ?? null,
      })),
    )
    .returning({ id: documents.id, uuid: documents.uuid });
  // RETURNING follows no guaranteed order; ids are assigned in VALUES order.
  return rows.sort((a, b) => a.id - b.id).map((row) => row.uuid);
}

async function requireDocument(db: Queryable, collection: DocumentCollectionRow, uuid: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.collectionId, collection.id), eq(documents.uuid, uuid)));
  if (!row) throw notFound(`document ${uuid} in collection ${JSON.stringify(collection.name)}`);
  return row;
}

export async function getDocument(db: Queryable, name: string, uuid: string): Promise<DocumentOut> {
  const collection = await requireCollection(db, name);
  return toDocument(await requireDocument(db, collection, uuid));
}

/** Documents by uuid and/or document_id, oldest first; unknown ones are left out. */
export async function getDocuments(
  db: Queryable,
  name: string,
  input: GetDocumentsInput,
): Promise<DocumentOut[]> {
  const collection = await requireCollection(db, name);
  const which: SQL[] = [];
  if (input.uuids?.length) which.push(inArray(documents.uuid, input.uuids));
  if (input.document_ids?.length) which.push(inArray(documents.documentId, input.document_ids));
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.collectionId, collection.id), or(...which)))
    .orderBy(asc(documents.id));
  return rows.map((row) => toDocument(row));
}

/** A page of a collection's documents, oldest first (for the dashboard). */
export async function listDocuments(
  db: Queryable,
  name: string,
  page: { limit: number; offset: number },
): Promise<DocumentOut[]> {
  const collection = await requireCollection(db, name);
  const rows = await db
    .select()
    .from(documents)
    .where(eq(documents.collectionId, collection.id))
    .orderBy(asc(documents.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => toDocument(row));
}

async function applyUpdate(
  tx: Queryable,
  collection: DocumentCollectionRow,
  uuid: string,
  input: UpdateDocumentInput,
): Promise<DocumentRow> {
  const [current] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.collectionId, collection.id), eq(documents.uuid, uuid)))
    .for("update");
  if (!current) throw notFound(`document ${uuid} in collection ${JSON.stringify(collection.name)}`);
  const [row] = await tx
    .update(documents)
    .set({
      documentId: input.document_id === undefined ? current.documentId : input.document_id,
      metadata: input.metadata ? deepMerge(current.metadata, input.metadata) : current.metadata,
      updatedAt: sql`now()`,
    })
    .where(eq(documents.id, current.id))
    .returning();
  return row!;
}

/** Sets document_id and deep-merges metadata (content and embedding stay as they are, as in Zep). */
export async function updateDocument(
  db: Db,
  name: string,
  uuid: string,
  input: UpdateDocumentInput,
): Promise<DocumentOut> {
  if (input.uuid && input.uuid.toLowerCase() !== uuid.toLowerCase()) {
    throw invalid("the body's uuid differs from the document in the path");
  }
  const collection = await requireCollection(db, name);
  return toDocument(await db.transaction((tx) => applyUpdate(tx, collection, uuid, input)));
}

/** Updates several documents at once; one unknown uuid and none is changed. */
export async function updateDocuments(
  db: Db,
  name: string,
  input: BatchUpdateDocumentsInput,
): Promise<DocumentOut[]> {
  const collection = await requireCollection(db, name);
  const rows = await db.transaction(async (tx) => {
    const updated: DocumentRow[] = [];
    for (const update of input) updated.push(await applyUpdate(tx, collection, update.uuid, update));
    return updated;
  });
  return rows.map((row) => toDocument(row));
}

export async function deleteDocument(db: Db, name: string, uuid: string): Promise<void> {
  await deleteDocuments(db, name, [uuid]);
}

/** Deletes several documents at once; one unknown uuid and none is deleted. */
export async function deleteDocuments(db: Db, name: string, input: string[]): Promise<void> {
  const uuids = [...new Set(input.map((uuid) => uuid.toLowerCase()))];
  const collection = await requireCollection(db, name);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(documents)
      .where(and(eq(documents.collectionId, collection.id), inArray(documents.uuid, uuids)))
      .returning({ uuid: documents.uuid });
    if (deleted.length !== uuids.length) {
      const found = new Set(deleted.map((row) => row.uuid));
      const missing = uuids.find((uuid) => !found.has(uuid));
      // Throwing rolls the deletes back: nothing is deleted unless all are found.
      throw notFound(`document ${missing} in collection ${JSON.stringify(collection.name)}`);
    }
  });
}
