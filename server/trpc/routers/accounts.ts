import { z } from "zod";
import * as accounts from "../../services/accounts";
import { accountProcedure, adminProcedure, dashboardPublicProcedure, publicProcedure, router } from "../init";

export const accountsRouter = router({
  /** Whether the first-run page should create the first admin. Reveals nothing else. */
  status: publicProcedure
    .output(z.object({ needs_setup: z.boolean() }))
    .query(async ({ ctx }) => ({ needs_setup: await accounts.needsFirstAdmin(ctx.db) })),
  setup: dashboardPublicProcedure
    .input(accounts.firstAdminInput)
    .output(accounts.accountSchema)
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
    .input(accounts.signInInput)
    .output(accounts.accountSchema)
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
    .output(z.object({ id: z.number().int(), email: z.string(), role: accounts.accountRoleSchema }))
    .query(({ ctx }) => ({ id: ctx.account.accountId, email: ctx.account.email, role: ctx.account.role })),
  list: adminProcedure
    .output(z.array(accounts.accountSchema))
    .query(({ ctx }) => accounts.listAccounts(ctx.db)),
  create: adminProcedure
    .input(accounts.createAccountInput)
    .output(accounts.accountSchema)
    .mutation(({ ctx, input }) => accounts.createAccount(ctx.db, input)),
  update: adminProcedure
    .input(accounts.updateAccountInput)
    .output(accounts.accountSchema)
    .mutation(({ ctx, input }) =>
      accounts.updateAccount(ctx.db, input, ctx.principal.kind === "account" ? ctx.principal.accountId : 0),
    ),
});
