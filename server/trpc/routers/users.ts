import { userRef } from "../../schemas/common";
import { sessionsSchema } from "../../schemas/sessions";
import {
  annotateUserRequest,
  createUserInput,
  listUsersInput,
  updateUserRequest,
  userSchema,
  usersSchema,
} from "../../schemas/users";
import * as users from "../../services/users";
import { annotateProcedure, readProcedure, router, writeProcedure } from "../init";

export const usersRouter = router({
  create: writeProcedure
    .input(createUserInput)
    .output(userSchema)
    .mutation(({ ctx, input }) => users.createUser(ctx.db, input, ctx.actor)),
  get: readProcedure
    .input(userRef)
    .output(userSchema)
    .query(({ ctx, input }) => users.getUser(ctx.db, input.userId)),
  update: writeProcedure
    .input(updateUserRequest)
    .output(userSchema)
    .mutation(({ ctx, input }) => users.updateUser(ctx.db, input.userId, input.patch, ctx.actor)),
  /** Metadata only: open to support accounts, who annotate but do not edit profiles. */
  annotate: annotateProcedure
    .input(annotateUserRequest)
    .output(userSchema)
    .mutation(({ ctx, input }) => users.updateUser(ctx.db, input.userId, input.patch, ctx.actor)),
  delete: writeProcedure.input(userRef).mutation(({ ctx, input }) => users.deleteUser(ctx.db, input.userId)),
  list: readProcedure
    .input(listUsersInput)
    .output(usersSchema)
    .query(({ ctx, input }) => users.listUsers(ctx.db, input)),
  sessions: readProcedure
    .input(userRef)
    .output(sessionsSchema)
    .query(({ ctx, input }) => users.listUserSessions(ctx.db, input.userId)),
});
