import {
  addSessionFactRequest,
  addUserFactRequest,
  editFactRequest,
  factExtractionStatusSchema,
  factHistorySchema,
  factRef,
  factSchema,
  factsSchema,
  listSessionFactsRequest,
  listUserFactsRequest,
  pinFactRequest,
  sourceMessagesInput,
  sourceMessagesSchema,
} from "../../schemas/facts";
import * as facts from "../../services/facts";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

export const factsRouter = router({
  /** A user's facts: valid now, at `asOf`, or the whole history with `includeInvalid`. */
  forUser: readProcedure
    .input(listUserFactsRequest)
    .output(factsSchema)
    .query(({ ctx, input }) => facts.listUserFacts(ctx.db, input.userId, input)),
  /** A session's facts: its user's when it has one, else the session's own. */
  forSession: readProcedure
    .input(listSessionFactsRequest)
    .output(factsSchema)
    .query(({ ctx, input }) => facts.listSessionFacts(ctx.db, input.sessionId, input)),
  get: readProcedure
    .input(factRef)
    .output(factSchema)
    .query(({ ctx, input }) => facts.getFact(ctx.db, input.uuid)),
  history: readProcedure
    .input(factRef)
    .output(factHistorySchema)
    .query(({ ctx, input }) => facts.getFactHistory(ctx.db, input.uuid)),
  status: readProcedure.output(factExtractionStatusSchema).query(() => facts.factExtractionStatus()),
  /** Curation is annotation: support accounts may add, edit, pin and reject facts. */
  addForUser: annotateProcedure
    .input(addUserFactRequest)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.addFact(ctx.db, { userId: input.userId }, input, ctx.actor)),
  addForSession: annotateProcedure
    .input(addSessionFactRequest)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.addFact(ctx.db, { sessionId: input.sessionId }, input, ctx.actor)),
  edit: annotateProcedure
    .input(editFactRequest)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.editFact(ctx.db, input.uuid, input.patch, ctx.actor)),
  pin: annotateProcedure
    .input(pinFactRequest)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.setFactPinned(ctx.db, input.uuid, input.pinned, ctx.actor)),
  reject: annotateProcedure
    .input(factRef)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.rejectFact(ctx.db, input.uuid, ctx.actor)),
  delete: writeProcedure
    .input(factRef)
    .mutation(({ ctx, input }) => facts.deleteFact(ctx.db, input.uuid, ctx.actor)),
  /** The messages a fact came from, with their sessions, for links. */
  sources: readProcedure
    .input(sourceMessagesInput)
    .output(sourceMessagesSchema)
    .query(({ ctx, input }) => facts.sourceMessages(ctx.db, input.uuids)),
});
