import { z } from "zod";
import { metadataPatchInput, userIdSchema } from "../../schemas/common";
import { sessionSchema } from "../../schemas/sessions";
import { createUserInput, listUsersInput, updateUserInput, userSchema } from "../../schemas/users";
import * as users from "../../services/users";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

const byId = z.object({ userId: userIdSchema });

export const usersRouter = router({
  create: writeProcedure
    .input(createUserInput)
    .output(userSchema)
    .mutation(({ ctx, input }) => users.createUser(ctx.db, input, ctx.actor)),
  get: readProcedure
    .input(byId)
    .output(userSchema)
    .query(({ ctx, input }) => users.getUser(ctx.db, input.userId)),
  update: writeProcedure
    .input(byId.extend({ patch: updateUserInput }))
    .output(userSchema)
    .mutation(({ ctx, input }) => users.updateUser(ctx.db, input.userId, input.patch, ctx.actor)),
  /** Metadata only: open to support accounts, who annotate but do not edit profiles. */
  annotate: annotateProcedure
    .input(byId.extend({ patch: metadataPatchInput }))
    .output(userSchema)
    .mutation(({ ctx, input }) => users.updateUser(ctx.db, input.userId, input.patch, ctx.actor)),
  delete: writeProcedure.input(byId).mutation(({ ctx, input }) => users.deleteUser(ctx.db, input.userId)),
  list: readProcedure
    .input(listUsersInput)
    .output(z.array(userSchema))
    .query(({ ctx, input }) => users.listUsers(ctx.db, input)),
  sessions: readProcedure
    .input(byId)
    .output(z.array(sessionSchema))
    .query(({ ctx, input }) => users.listUserSessions(ctx.db, input.userId)),
});
