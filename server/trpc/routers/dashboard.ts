import { z } from "zod";
import * as dashboard from "../../services/dashboard";
import { adminProcedure, readProcedure, router } from "../init";

export const dashboardRouter = router({
  sessions: readProcedure
    .input(dashboard.browseSessionsInput)
    .output(dashboard.sessionPageSchema)
    .query(({ ctx, input }) => dashboard.browseSessions(ctx.db, input)),
  users: readProcedure
    .input(dashboard.browseUsersInput)
    .output(dashboard.userPageSchema)
    .query(({ ctx, input }) => dashboard.browseUsers(ctx.db, input)),
  overview: readProcedure
    .input(dashboard.overviewInput)
    .output(dashboard.overviewSchema)
    .query(({ ctx, input }) => dashboard.overview(ctx.db, input)),
  configuration: adminProcedure
    .output(z.array(z.object({ name: z.string(), value: z.string() })))
    .query(() => dashboard.redactedConfiguration()),
});
