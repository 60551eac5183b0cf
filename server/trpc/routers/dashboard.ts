import { z } from "zod";
import { sessionIdSchema } from "../../schemas/common";
import {
  browseSessionsInput,
  browseUsersInput,
  overviewInput,
  overviewSchema,
  promptPreviewInput,
  promptPreviewSchema,
  sessionPageSchema,
  summaryRangeSchema,
  userPageSchema,
} from "../../schemas/dashboard";
import * as dashboard from "../../services/dashboard";
import { summaryRanges } from "../../services/summaryRanges";
import { adminProcedure, readProcedure, router } from "../init";

export const dashboardRouter = router({
  sessions: readProcedure
    .input(browseSessionsInput)
    .output(sessionPageSchema)
    .query(({ ctx, input }) => dashboard.browseSessions(ctx.db, input)),
  users: readProcedure
    .input(browseUsersInput)
    .output(userPageSchema)
    .query(({ ctx, input }) => dashboard.browseUsers(ctx.db, input)),
  overview: readProcedure
    .input(overviewInput)
    .output(overviewSchema)
    .query(({ ctx, input }) => dashboard.overview(ctx.db, input)),
  summaries: readProcedure
    .input(z.object({ sessionId: sessionIdSchema }))
    .output(z.array(summaryRangeSchema))
    .query(({ ctx, input }) => summaryRanges(ctx.db, input.sessionId)),
  promptPreview: readProcedure
    .input(promptPreviewInput)
    .output(promptPreviewSchema)
    .query(({ ctx, input }) => dashboard.promptPreview(ctx.db, input)),
  environmentApiKey: adminProcedure
    .output(z.object({ configured: z.boolean() }))
    .query(() => dashboard.environmentApiKey()),
  configuration: adminProcedure
    .output(z.array(z.object({ name: z.string(), value: z.string() })))
    .query(() => dashboard.redactedConfiguration()),
});
