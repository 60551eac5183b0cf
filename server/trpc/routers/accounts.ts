import {
  accountHistoryInput,
  accountHistorySchema,
  accountSchema,
  accountsSchema,
  changePasswordInput,
  createAccountInput,
  firstAdminInput,
  meSchema,
  resetPasswordInput,
  setupStatusSchema,
  signInInput,
  updateAccountInput,
} from "../../schemas/accounts";
import * as accounts from "../../services/accounts";
import type { Principal } from "../init";
import { accountProcedure, adminProcedure, dashboardPublicProcedure, publicProcedure, router } from "../init";

/** The acting account for the audit; the bootstrap API key acts for no account. */
const byOf = (principal: Principal, actor: string): accounts.AccountActor => ({
  accountId: principal.kind === "account" ? principal.accountId : null,
  actor,
});

export const accountsRouter = router({
  /** Whether the first-run page should create the first admin. Reveals nothing else. */
  status: publicProcedure
    .output(setupStatusSchema)
    .query(async ({ ctx }) => ({ needs_setup: await accounts.needsFirstAdmin(ctx.db) })),
  setup: dashboardPublicProcedure
    .input(firstAdminInput)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      await accounts.createFirstAdmin(ctx.db, input);
      const signIn = await accounts.signIn(ctx.db, { email: input.email, password: input.password });
      ctx.responseHeaders.append(
        "set-cookie",
        accounts.sessionCookie(signIn.token, { secure: ctx.secure, ...signIn }),
      );
      return signIn.account;
    }),
  signIn: dashboardPublicProcedure
    .input(signInInput)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      const signIn = await accounts.signIn(ctx.db, input);
      ctx.responseHeaders.append(
        "set-cookie",
        accounts.sessionCookie(signIn.token, { secure: ctx.secure, ...signIn }),
      );
      return signIn.account;
    }),
  signOut: dashboardPublicProcedure.mutation(async ({ ctx }) => {
    const token = accounts.sessionTokenFrom(ctx.requestHeaders.get("cookie"));
    if (token) await accounts.signOut(ctx.db, token);
    ctx.responseHeaders.append("set-cookie", accounts.sessionCookie(null, { secure: ctx.secure }));
    return { signed_out: true };
  }),
  me: accountProcedure
    .output(meSchema)
    .query(({ ctx }) => ({ id: ctx.account.accountId, email: ctx.account.email, role: ctx.account.role })),
  /** Any signed-in account, whatever its role, may change its own password. */
  changePassword: accountProcedure
    .input(changePasswordInput)
    .output(accountSchema)
    .mutation(({ ctx, input }) =>
      accounts.changePassword(
        ctx.db,
        ctx.account.accountId,
        input,
        accounts.sessionTokenFrom(ctx.requestHeaders.get("cookie")),
      ),
    ),
  list: adminProcedure.output(accountsSchema).query(({ ctx }) => accounts.listAccounts(ctx.db)),
  create: adminProcedure
    .input(createAccountInput)
    .output(accountSchema)
    .mutation(({ ctx, input }) => accounts.createAccount(ctx.db, input, byOf(ctx.principal, ctx.actor))),
  update: adminProcedure
    .input(updateAccountInput)
    .output(accountSchema)
    .mutation(({ ctx, input }) => accounts.updateAccount(ctx.db, input, byOf(ctx.principal, ctx.actor))),
  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .output(accountSchema)
    .mutation(({ ctx, input }) => accounts.resetPassword(ctx.db, input, byOf(ctx.principal, ctx.actor))),
  history: adminProcedure
    .input(accountHistoryInput)
    .output(accountHistorySchema)
    .query(({ ctx, input }) => accounts.listAccountChanges(ctx.db, input)),
});
