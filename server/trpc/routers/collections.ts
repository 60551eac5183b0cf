import { z } from "zod";
import {
  addDocumentsInput,
  batchUpdateDocumentsInput,
  collectionRef,
  collectionSchema,
  createCollectionInput,
  documentRef,
  documentSchema,
  documentSearchInput,
  documentSearchResultSchema,
  documentUuidsInput,
  getDocumentsInput,
  listDocumentsInput,
  updateCollectionInput,
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
  list: readProcedure
    .output(z.array(collectionSchema))
    .query(({ ctx }) => collections.listCollections(ctx.db)),
  get: readProcedure
    .input(collectionRef)
    .output(collectionSchema)
    .query(({ ctx, input }) => collections.getCollection(ctx.db, input.name)),
  create: writeProcedure
    .input(createCollectionInput)
    .output(collectionSchema)
    .mutation(({ ctx, input }) => collections.createCollection(ctx.db, input)),
  update: writeProcedure
    .input(collectionRef.extend({ patch: updateCollectionInput }))
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
    .output(z.array(documentSchema))
    .query(({ ctx, input }) => documents.listDocuments(ctx.db, input.name, input)),
  getDocument: readProcedure
    .input(documentRef)
    .output(documentSchema)
    .query(({ ctx, input }) => documents.getDocument(ctx.db, input.name, input.uuid)),
  getDocuments: readProcedure
    .input(collectionRef.extend({ which: getDocumentsInput }))
    .output(z.array(documentSchema))
    .query(({ ctx, input }) => documents.getDocuments(ctx.db, input.name, input.which)),
  addDocuments: writeProcedure
    .input(collectionRef.extend({ documents: addDocumentsInput }))
    .output(z.array(z.string()))
    .mutation(({ ctx, input }) => documents.addDocuments(ctx.db, input.name, input.documents)),
  updateDocuments: writeProcedure
    .input(collectionRef.extend({ updates: batchUpdateDocumentsInput }))
    .output(z.array(documentSchema))
    .mutation(({ ctx, input }) => documents.updateDocuments(ctx.db, input.name, input.updates)),
  deleteDocuments: writeProcedure
    .input(collectionRef.extend({ uuids: documentUuidsInput }))
    .mutation(({ ctx, input }) => documents.deleteDocuments(ctx.db, input.name, input.uuids)),
  search: readProcedure
    .input(collectionRef.extend({ query: documentSearchInput }))
    .output(documentSearchResultSchema)
    .query(({ ctx, input }) => documentSearch.searchDocuments(ctx.db, input.name, input.query)),
});
