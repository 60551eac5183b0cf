import { z } from "zod";
import * as apiKeys from "../../services/apiKeys";
import { adminProcedure, router } from "../init";

export const apiKeysRouter = router({
  create: adminProcedure
    .input(apiKeys.createApiKeyInput)
    .output(z.object({ key: z.string(), apiKey: apiKeys.apiKeySchema }))
    .mutation(({ ctx, input }) => apiKeys.createApiKey(ctx.db, input, ctx.actor)),
  list: adminProcedure.output(z.array(apiKeys.apiKeySchema)).query(({ ctx }) => apiKeys.listApiKeys(ctx.db)),
  revoke: adminProcedure
    .input(z.object({ uuid: z.string() }))
    .output(apiKeys.apiKeySchema)
    .mutation(({ ctx, input }) => apiKeys.revokeApiKey(ctx.db, input.uuid)),
});
