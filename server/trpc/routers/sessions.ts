import { z } from "zod";
import { metadataPatchInput, sessionIdSchema } from "../../schemas/common";
import {
  createSessionInput,
  listSessionsInput,
  sessionSchema,
  setSessionUserInput,
  updateSessionInput,
} from "../../schemas/sessions";
import * as sessions from "../../services/sessions";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

const byId = z.object({ sessionId: sessionIdSchema });

export const sessionsRouter = router({
  create: writeProcedure
    .input(createSessionInput)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.createSession(ctx.db, input, ctx.actor)),
  get: readProcedure
    .input(byId)
    .output(sessionSchema)
    .query(({ ctx, input }) => sessions.getSession(ctx.db, input.sessionId)),
  update: writeProcedure
    .input(byId.extend({ patch: updateSessionInput }))
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.updateSession(ctx.db, input.sessionId, input.patch, ctx.actor)),
  /** Metadata only: open to support accounts; the default memory type is an operator's setting. */
  annotate: annotateProcedure
    .input(byId.extend({ patch: metadataPatchInput }))
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.updateSession(ctx.db, input.sessionId, input.patch, ctx.actor)),
  /** Attach to an existing user or detach: an operator's change, not an annotation. */
  setUser: writeProcedure
    .input(setSessionUserInput)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.setSessionUser(ctx.db, input, ctx.actor)),
  list: readProcedure
    .input(listSessionsInput)
    .output(z.array(sessionSchema))
    .query(({ ctx, input }) => sessions.listSessions(ctx.db, input)),
});
