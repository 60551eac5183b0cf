import { invalid } from "../errors";
import {
  addDocumentsInput,
  addedDocumentUuidsSchema,
  batchUpdateDocumentsInput,
  type Collection,
  createCollectionBody,
  documentSchema,
  documentSearchBody,
  documentSearchInput,
  documentSearchResultSchema,
  documentsSchema,
  documentUuidsInput,
  getDocumentsInput,
  updateCollectionInput,
  updateDocumentInput,
  type ZepCollection,
  zepCollectionSchema,
  zepCollectionsSchema,
} from "../schemas/collections";
import { indexCreateQuery, searchQuery } from "../schemas/zepQueries";
import * as collections from "../services/collections";
import * as documentSearch from "../services/documentSearch";
import * as documents from "../services/documents";
import type { ZepRoute } from "./routes";

const ok = { status: 200, text: "OK" } as const;

/** Zep v0.x clients read a fetched collection's dimension and auto-embedding under these camelCase names. */
const zepCollection = (collection: Collection): ZepCollection => ({
  ...collection,
  embeddingDimensions: collection.embedding_dimensions,
  isAutoEmbedded: collection.is_auto_embedded,
});

/**
 * Document collections as Zep v0.x serves them: `/collections/{name}/documents/...` under v2,
 * `/collection/{name}/document/...` under v1 (see `versionedPath`).
 */
export const collectionRoutes: ZepRoute[] = [
  {
    method: "GET",
    path: "/collections",
    summary: "Every document collection, by name, with document counts",
    tag: "collections",
    reply: { status: 200, schema: zepCollectionsSchema },
    handle: async ({ db }) => (await collections.listCollections(db)).map(zepCollection),
  },
  {
    method: "GET",
    path: "/collection",
    summary: "The same list where zep-js 2.0.0-rc.4 asks for it (`/collection` under v2)",
    tag: "collections",
    reply: { status: 200, schema: zepCollectionsSchema },
    handle: async ({ db }) => (await collections.listCollections(db)).map(zepCollection),
  },
  {
    method: "POST",
    path: "/collections/{collectionName}",
    summary:
      "Create a collection with fixed embedding dimensions; auto-embedded needs ENGRAM_EMBEDDINGS_BASE_URL",
    tag: "collections",
    body: createCollectionBody,
    reply: { status: 201, schema: zepCollectionSchema },
    handle: async ({ db, params, body }) => {
      const input = createCollectionBody.parse(await body());
      if (input.name !== undefined && input.name !== params.collectionName) {
        throw invalid(
          `the body names collection ${JSON.stringify(input.name)}, the path ${params.collectionName}`,
        );
      }
      return zepCollection(
        await collections.createCollection(db, { ...input, name: params.collectionName! }),
      );
    },
  },
  {
    method: "GET",
    path: "/collections/{collectionName}",
    summary: "Get a collection with its document counts",
    tag: "collections",
    reply: { status: 200, schema: zepCollectionSchema },
    handle: async ({ db, params }) =>
      zepCollection(await collections.getCollection(db, params.collectionName!)),
  },
  {
    method: "PATCH",
    path: "/collections/{collectionName}",
    summary: "Update a collection's description; metadata is deep-merged",
    tag: "collections",
    body: updateCollectionInput,
    reply: { status: 200, schema: zepCollectionSchema },
    handle: async ({ db, params, body }) =>
      zepCollection(
        await collections.updateCollection(
          db,
          params.collectionName!,
          updateCollectionInput.parse(await body()),
        ),
      ),
  },
  {
    method: "DELETE",
    path: "/collections/{collectionName}",
    summary: "Delete a collection with all of its documents",
    tag: "collections",
    reply: ok,
    handle: ({ db, params }) => collections.deleteCollection(db, params.collectionName!),
  },
  {
    method: "POST",
    path: "/collections/{collectionName}/index/create",
    summary: "Index the collection: an HNSW index where pgvector is installed (search is exact elsewhere)",
    tag: "collections",
    query: indexCreateQuery,
    reply: { status: 200, schema: zepCollectionSchema },
    handle: async ({ db, params, query }) => {
      indexCreateQuery.parse(query);
      return zepCollection(await collections.createIndex(db, params.collectionName!));
    },
  },
  {
    method: "POST",
    path: "/collections/{collectionName}/documents",
    summary: "Add up to 1000 documents (a JSON array); answers their uuids in order",
    tag: "documents",
    body: addDocumentsInput,
    reply: { status: 200, schema: addedDocumentUuidsSchema },
    handle: async ({ db, params, json }) =>
      documents.addDocuments(db, params.collectionName!, addDocumentsInput.parse(await json())),
  },
  {
    method: "POST",
    path: "/collections/{collectionName}/documents/list/get",
    summary: "Documents by uuids and/or document_ids",
    tag: "documents",
    body: getDocumentsInput,
    reply: { status: 200, schema: documentsSchema },
    handle: async ({ db, params, body }) =>
      documents.getDocuments(db, params.collectionName!, getDocumentsInput.parse(await body())),
  },
  {
    method: "GET",
    path: "/collections/{collectionName}/documents/{documentUuid}",
    summary: "Get a document",
    tag: "documents",
    reply: { status: 200, schema: documentSchema },
    handle: ({ db, params }) => documents.getDocument(db, params.collectionName!, params.documentUuid!),
  },
  {
    method: "PATCH",
    path: "/collections/{collectionName}/documents/{documentUuid}",
    summary: "Set a document's document_id; metadata is deep-merged",
    tag: "documents",
    body: updateDocumentInput,
    reply: { status: 200, schema: documentSchema },
    handle: async ({ db, params, body }) =>
      documents.updateDocument(
        db,
        params.collectionName!,
        params.documentUuid!,
        updateDocumentInput.parse(await body()),
      ),
  },
  {
    method: "DELETE",
    path: "/collections/{collectionName}/documents/uuid/{documentUuid}",
    summary: "Delete a document",
    tag: "documents",
    reply: ok,
    handle: ({ db, params }) => documents.deleteDocument(db, params.collectionName!, params.documentUuid!),
  },
  {
    method: "POST",
    path: "/collections/{collectionName}/documents/batchDelete",
    summary: "Delete documents by uuid (a JSON array); one unknown uuid and none is deleted",
    tag: "documents",
    body: documentUuidsInput,
    reply: ok,
    handle: async ({ db, params, json }) =>
      documents.deleteDocuments(db, params.collectionName!, documentUuidsInput.parse(await json())),
  },
  // After `documents/{documentUuid}`: of two routes that match a request, the later one serves it.
  {
    method: "PATCH",
    path: "/collections/{collectionName}/documents/batchUpdate",
    summary:
      "Update documents (a JSON array of {uuid, document_id?, metadata?}); one unknown uuid and none changes",
    tag: "documents",
    body: batchUpdateDocumentsInput,
    reply: { status: 200, schema: documentsSchema },
    handle: async ({ db, params, json }) =>
      documents.updateDocuments(db, params.collectionName!, batchUpdateDocumentsInput.parse(await json())),
  },
  {
    method: "POST",
    path: "/collections/{collectionName}/search",
    summary:
      "Search by text (embedded by the provider), by embedding and/or by metadata where filter; similarity or mmr",
    tag: "documents",
    query: searchQuery,
    body: documentSearchBody,
    reply: { status: 200, schema: documentSearchResultSchema },
    handle: async ({ db, params, query, body }) => {
      const { limit } = searchQuery.parse(query);
      const input = documentSearchInput.parse({ ...(await body()), limit });
      return documentSearch.searchDocuments(db, params.collectionName!, input);
    },
  },
];
