import { transcriptPageInput } from "../../schemas/dashboard";
import {
  listMessagesRequest,
  messageListSchema,
  messageRef,
  messageSchema,
  searchInSessionInput,
  transcriptMatchPageSchema,
  updateMessageRequest,
} from "../../schemas/messages";
import * as messages from "../../services/messages";
import { searchInSession } from "../../services/transcriptSearch";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

export const messagesRouter = router({
  list: readProcedure
    .input(listMessagesRequest)
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
    .input(messageRef)
    .output(messageSchema)
    .query(({ ctx, input }) => messages.getMessage(ctx.db, input.sessionId, input.uuid)),
  update: annotateProcedure
    .input(updateMessageRequest)
    .output(messageSchema)
    .mutation(({ ctx, input }) =>
      messages.updateMessage(ctx.db, input.sessionId, input.uuid, input.patch, ctx.actor),
    ),
  /** Facts whose only source was this message stop being valid. */
  delete: writeProcedure
    .input(messageRef)
    .mutation(({ ctx, input }) => messages.deleteMessage(ctx.db, input.sessionId, input.uuid, ctx.actor)),
});
