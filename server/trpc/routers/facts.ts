import { z } from "zod";
import { sessionIdSchema, userIdSchema, uuidSchema } from "../../schemas/common";
import {
  addFactInput,
  editFactInput,
  factExtractionStatusSchema,
  factHistorySchema,
  factSchema,
  listFactsOptions,
} from "../../schemas/facts";
import * as facts from "../../services/facts";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

const byUuid = z.object({ uuid: z.string().max(100) });
const byUser = z.object({ userId: userIdSchema });
const bySession = z.object({ sessionId: sessionIdSchema });

export const factsRouter = router({
  /** A user's facts: valid now, at `asOf`, or the whole history with `includeInvalid`. */
  forUser: readProcedure
    .input(byUser.extend(listFactsOptions.shape))
    .output(z.array(factSchema))
    .query(({ ctx, input }) => facts.listUserFacts(ctx.db, input.userId, input)),
  /** A session's facts: its user's when it has one, else the session's own. */
  forSession: readProcedure
    .input(bySession.extend(listFactsOptions.shape))
    .output(z.array(factSchema))
    .query(({ ctx, input }) => facts.listSessionFacts(ctx.db, input.sessionId, input)),
  get: readProcedure
    .input(byUuid)
    .output(factSchema)
    .query(({ ctx, input }) => facts.getFact(ctx.db, input.uuid)),
  history: readProcedure
    .input(byUuid)
    .output(factHistorySchema)
    .query(({ ctx, input }) => facts.getFactHistory(ctx.db, input.uuid)),
  status: readProcedure.output(factExtractionStatusSchema).query(() => facts.factExtractionStatus()),
  /** Curation is annotation: support accounts may add, edit, pin and reject facts. */
  addForUser: annotateProcedure
    .input(byUser.extend(addFactInput.shape))
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.addFact(ctx.db, { userId: input.userId }, input, ctx.actor)),
  addForSession: annotateProcedure
    .input(bySession.extend(addFactInput.shape))
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.addFact(ctx.db, { sessionId: input.sessionId }, input, ctx.actor)),
  edit: annotateProcedure
    .input(byUuid.extend({ patch: editFactInput }))
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.editFact(ctx.db, input.uuid, input.patch, ctx.actor)),
  pin: annotateProcedure
    .input(byUuid.extend({ pinned: z.boolean() }))
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.setFactPinned(ctx.db, input.uuid, input.pinned, ctx.actor)),
  reject: annotateProcedure
    .input(byUuid)
    .output(factSchema)
    .mutation(({ ctx, input }) => facts.rejectFact(ctx.db, input.uuid, ctx.actor)),
  delete: writeProcedure
    .input(byUuid)
    .mutation(({ ctx, input }) => facts.deleteFact(ctx.db, input.uuid, ctx.actor)),
  /** The messages a fact came from, with their sessions, for links. */
  sources: readProcedure
    .input(z.object({ uuids: z.array(uuidSchema).max(100) }))
    .output(
      z.array(
        z.object({
          uuid: z.string(),
          session_id: z.string(),
          role: z.string(),
          content: z.string(),
          created_at: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => facts.sourceMessages(ctx.db, input.uuids)),
});
