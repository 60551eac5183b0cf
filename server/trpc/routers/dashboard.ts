import { sessionRef } from "../../schemas/common";
import {
  browseSessionsInput,
  browseUsersInput,
  configurationSchema,
  environmentApiKeySchema,
  overviewInput,
  overviewSchema,
  promptPreviewInput,
  promptPreviewSchema,
  sessionPageSchema,
  summaryRangesSchema,
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
    .input(sessionRef)
    .output(summaryRangesSchema)
    .query(({ ctx, input }) => summaryRanges(ctx.db, input.sessionId)),
  promptPreview: readProcedure
    .input(promptPreviewInput)
    .output(promptPreviewSchema)
    .query(({ ctx, input }) => dashboard.promptPreview(ctx.db, input)),
  environmentApiKey: adminProcedure
    .output(environmentApiKeySchema)
    .query(() => dashboard.environmentApiKey()),
  configuration: adminProcedure.output(configurationSchema).query(() => dashboard.redactedConfiguration()),
});
