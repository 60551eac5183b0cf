import {
  addDocumentsRequest,
  addedDocumentUuidsSchema,
  collectionRef,
  collectionSchema,
  collectionsSchema,
  createCollectionInput,
  deleteDocumentsRequest,
  documentRef,
  documentSchema,
  documentSearchResultSchema,
  documentsSchema,
  getDocumentsRequest,
  listDocumentsInput,
  searchDocumentsRequest,
  updateCollectionRequest,
  updateDocumentsRequest,
  vectorSearchStatusSchema,
} from "../../schemas/collections";
import * as collections from "../../services/collections";
import * as documentSearch from "../../services/documentSearch";
import * as documents from "../../services/documents";
import { vectorSearchStatus } from "../../services/vectorSearch";
import { readProcedure, router, writeProcedure } from "../init";

export const collectionsRouter = router({
  /** Which nearest-neighbour search this database uses: pgvector or exact SQL. */
  engine: readProcedure.output(vectorSearchStatusSchema).query(({ ctx }) => vectorSearchStatus(ctx.db)),
  list: readProcedure.output(collectionsSchema).query(({ ctx }) => collections.listCollections(ctx.db)),
  get: readProcedure
    .input(collectionRef)
    .output(collectionSchema)
    .query(({ ctx, input }) => collections.getCollection(ctx.db, input.name)),
  create: writeProcedure
    .input(createCollectionInput)
    .output(collectionSchema)
    .mutation(({ ctx, input }) => collections.createCollection(ctx.db, input)),
  update: writeProcedure
    .input(updateCollectionRequest)
    .output(collectionSchema)
    .mutation(({ ctx, input }) => collections.updateCollection(ctx.db, input.name, input.patch)),
  delete: writeProcedure
    .input(collectionRef)
    .mutation(({ ctx, input }) => collections.deleteCollection(ctx.db, input.name)),
  createIndex: writeProcedure
    .input(collectionRef)
    .output(collectionSchema)
    .mutation(({ ctx, input }) => collections.createIndex(ctx.db, input.name)),
  documents: readProcedure
    .input(listDocumentsInput)
    .output(documentsSchema)
    .query(({ ctx, input }) => documents.listDocuments(ctx.db, input.name, input)),
  getDocument: readProcedure
    .input(documentRef)
    .output(documentSchema)
    .query(({ ctx, input }) => documents.getDocument(ctx.db, input.name, input.uuid)),
  getDocuments: readProcedure
    .input(getDocumentsRequest)
    .output(documentsSchema)
    .query(({ ctx, input }) => documents.getDocuments(ctx.db, input.name, input.which)),
  addDocuments: writeProcedure
    .input(addDocumentsRequest)
    .output(addedDocumentUuidsSchema)
    .mutation(({ ctx, input }) => documents.addDocuments(ctx.db, input.name, input.documents)),
  updateDocuments: writeProcedure
    .input(updateDocumentsRequest)
    .output(documentsSchema)
    .mutation(({ ctx, input }) => documents.updateDocuments(ctx.db, input.name, input.updates)),
  deleteDocuments: writeProcedure
    .input(deleteDocumentsRequest)
    .mutation(({ ctx, input }) => documents.deleteDocuments(ctx.db, input.name, input.uuids)),
  search: readProcedure
    .input(searchDocumentsRequest)
    .output(documentSearchResultSchema)
    .query(({ ctx, input }) => documentSearch.searchDocuments(ctx.db, input.name, input.query)),
});
