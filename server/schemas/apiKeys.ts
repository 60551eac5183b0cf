import { z } from "zod";
import { storableText } from "./common";

export const createApiKeyInput = z.object({
  name: storableText("name").pipe(
    z.string().trim().min(1, "name must not be empty").max(100, "name is too long"),
  ),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ uuid: z.string() });

export const apiKeySchema = z.object({
  uuid: z.string(),
  name: z.string(),
  prefix: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export const apiKeysSchema = z.array(apiKeySchema);

export const createdApiKeySchema = z.object({ key: z.string(), apiKey: apiKeySchema });
