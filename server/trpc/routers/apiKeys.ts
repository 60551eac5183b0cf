import {
  apiKeySchema,
  apiKeysSchema,
  createApiKeyInput,
  createdApiKeySchema,
  revokeApiKeyInput,
} from "../../schemas/apiKeys";
import * as apiKeys from "../../services/apiKeys";
import { adminProcedure, router } from "../init";

export const apiKeysRouter = router({
  create: adminProcedure
    .input(createApiKeyInput)
    .output(createdApiKeySchema)
    .mutation(({ ctx, input }) => apiKeys.createApiKey(ctx.db, input, ctx.actor)),
  list: adminProcedure.output(apiKeysSchema).query(({ ctx }) => apiKeys.listApiKeys(ctx.db)),
  revoke: adminProcedure
    .input(revokeApiKeyInput)
    .output(apiKeySchema)
    .mutation(({ ctx, input }) => apiKeys.revokeApiKey(ctx.db, input.uuid)),
});
