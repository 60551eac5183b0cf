import { z } from "zod";
import { sessionIdSchema } from "../../schemas/common";
import { transcriptPageInput } from "../../schemas/dashboard";
import {
  listMessagesInput,
  messageListSchema,
  messageSchema,
  searchInSessionInput,
  transcriptMatchPageSchema,
  updateMessageInput,
} from "../../schemas/messages";
import * as messages from "../../services/messages";
import { searchInSession } from "../../services/transcriptSearch";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

const byId = z.object({ sessionId: sessionIdSchema, uuid: z.string() });

export const messagesRouter = router({
  list: readProcedure
    .input(listMessagesInput.extend({ sessionId: sessionIdSchema }))
    // No .output(): the service's return type is the contract (the REST route's schema documents it);
    // checking every answer of this hot read cost more CPU than the read itself.
    .query(({ ctx, input }) => messages.listMessages(ctx.db, input.sessionId, input)),
  transcript: readProcedure
    .input(transcriptPageInput)
    .output(messageListSchema)
    .query(({ ctx, input }) =>
      messages.listMessages(ctx.db, input.sessionId, { ...input, direction: "backward" }),
    ),
  /** The whole session's messages whose content holds the text, newest first, with snippets. */
  searchInSession: readProcedure
    .input(searchInSessionInput)
    .output(transcriptMatchPageSchema)
    .query(({ ctx, input }) => searchInSession(ctx.db, input)),
  get: readProcedure
    .input(byId)
    .output(messageSchema)
    .query(({ ctx, input }) => messages.getMessage(ctx.db, input.sessionId, input.uuid)),
  update: annotateProcedure
    .input(byId.extend({ patch: updateMessageInput }))
    .output(messageSchema)
    .mutation(({ ctx, input }) =>
      messages.updateMessage(ctx.db, input.sessionId, input.uuid, input.patch, ctx.actor),
    ),
  /** Facts whose only source was this message stop being valid. */
  delete: writeProcedure
    .input(byId)
    .mutation(({ ctx, input }) => messages.deleteMessage(ctx.db, input.sessionId, input.uuid, ctx.actor)),
});
