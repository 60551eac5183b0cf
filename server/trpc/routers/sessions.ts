import { sessionRef } from "../../schemas/common";
import {
  annotateSessionRequest,
  createSessionInput,
  listSessionsInput,
  sessionSchema,
  sessionsSchema,
  setSessionUserInput,
  updateSessionRequest,
} from "../../schemas/sessions";
import * as sessions from "../../services/sessions";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

export const sessionsRouter = router({
  create: writeProcedure
    .input(createSessionInput)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.createSession(ctx.db, input, ctx.actor)),
  get: readProcedure
    .input(sessionRef)
    .output(sessionSchema)
    .query(({ ctx, input }) => sessions.getSession(ctx.db, input.sessionId)),
  update: writeProcedure
    .input(updateSessionRequest)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.updateSession(ctx.db, input.sessionId, input.patch, ctx.actor)),
  /** Metadata only: open to support accounts; the default memory type is an operator's setting. */
  annotate: annotateProcedure
    .input(annotateSessionRequest)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.updateSession(ctx.db, input.sessionId, input.patch, ctx.actor)),
  /** Attach to an existing user or detach: an operator's change, not an annotation. */
  setUser: writeProcedure
    .input(setSessionUserInput)
    .output(sessionSchema)
    .mutation(({ ctx, input }) => sessions.setSessionUser(ctx.db, input, ctx.actor)),
  list: readProcedure
    .input(listSessionsInput)
    .output(sessionsSchema)
    .query(({ ctx, input }) => sessions.listSessions(ctx.db, input)),
});
