import { z } from "zod";
import { sessionIdSchema } from "../../schemas/common";
import { addMemoryInput, addSummaryInput, getMemoryOptions, summarySchema } from "../../schemas/memory";
import * as memory from "../../services/memory";
import * as summaries from "../../services/summaries";
import { readProcedure, router, writeProcedure } from "../init";

const byId = z.object({ sessionId: sessionIdSchema });

export const memoryRouter = router({
  add: writeProcedure
    .input(byId.extend(addMemoryInput.shape))
    .output(z.object({ session_id: z.string(), added: z.number().int(), message_uuids: z.array(z.string()) }))
    .mutation(({ ctx, input }) => memory.addMemory(ctx.db, input.sessionId, input, ctx.actor)),
  get: readProcedure
    .input(byId.extend(getMemoryOptions.shape))
    // No .output(): the service's return type is the contract (the REST route's schema documents it);
    // checking every answer of this hot read cost more CPU than the read itself.
    .query(({ ctx, input }) => memory.getMemory(ctx.db, input.sessionId, input)),
  delete: writeProcedure
    .input(byId)
    .mutation(({ ctx, input }) => memory.deleteMemory(ctx.db, input.sessionId)),
  summaries: readProcedure
    .input(byId)
    .output(z.array(summarySchema))
    .query(({ ctx, input }) => summaries.listSummaries(ctx.db, input.sessionId)),
  /** For apps that summarize conversations themselves. */
  addSummary: writeProcedure
    .input(byId.extend(addSummaryInput.shape))
    .output(summarySchema)
    .mutation(({ ctx, input }) => summaries.addSummary(ctx.db, input.sessionId, input)),
});
