import { sessionRef } from "../../schemas/common";
import {
  addMemoryRequest,
  addMemoryResultSchema,
  addSummaryRequest,
  getMemoryRequest,
  summariesSchema,
  summarySchema,
} from "../../schemas/memory";
import * as memory from "../../services/memory";
import * as summaries from "../../services/summaries";
import { readProcedure, router, writeProcedure } from "../init";

export const memoryRouter = router({
  add: writeProcedure
    .input(addMemoryRequest)
    .output(addMemoryResultSchema)
    .mutation(({ ctx, input }) => memory.addMemory(ctx.db, input.sessionId, input, ctx.actor)),
  get: readProcedure
    .input(getMemoryRequest)
    // No .output(): the service's return type is the contract (the REST route's schema documents it);
    // checking every answer of this hot read cost more CPU than the read itself.
    .query(({ ctx, input }) => memory.getMemory(ctx.db, input.sessionId, input)),
  delete: writeProcedure
    .input(sessionRef)
    .mutation(({ ctx, input }) => memory.deleteMemory(ctx.db, input.sessionId)),
  summaries: readProcedure
    .input(sessionRef)
    .output(summariesSchema)
    .query(({ ctx, input }) => summaries.listSummaries(ctx.db, input.sessionId)),
  /** For apps that summarize conversations themselves. */
  addSummary: writeProcedure
    .input(addSummaryRequest)
    .output(summarySchema)
    .mutation(({ ctx, input }) => summaries.addSummary(ctx.db, input.sessionId, input)),
});
