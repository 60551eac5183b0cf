import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type ApiKeyRow, apiKeys } from "@/db/schema";
import { config } from "../config";
import { notFound } from "../errors";
import type { ApiKey, CreateApiKeyInput } from "../schemas/apiKeys";
import { uuidSchema } from "../schemas/common";
import type { Actor } from "./metadata";
import { preparedStatement } from "./query";

/** Who a valid key belongs to. `uuid` is null for the key given in ENGRAM_API_KEY. */
export interface ApiKeyPrincipal {
  kind: "apiKey";
  uuid: string | null;
  name: string;
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    uuid: row.uuid,
    name: row.name,
    prefix: row.prefix,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a key (`input` validated at the edge); its secret is returned here once and never stored. */
export async function createApiKey(db: Db, input: CreateApiKeyInput, actor: Actor) {
  const key = `engram_${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, keyHash: hashKey(key), prefix: key.slice(0, 14), createdBy: actor })
    .returning();
  return { key, apiKey: toApiKey(row!) };
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.id));
  return rows.map(toApiKey);
}

export async function revokeApiKey(db: Queryable, uuid: string): Promise<ApiKey> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    // A lookup, not validation: a non-UUID names no key (404), and Postgres's uuid cast would refuse it.
    .where(
      eq(apiKeys.uuid, uuidSchema.safeParse(uuid).success ? uuid : "00000000-0000-0000-0000-000000000000"),
    )
    .returning();
  if (!row) throw notFound(`API key ${uuid}`);
  return toApiKey(row);
}

/** The configured key's hash, computed once per key rather than on every request. */
let envKeyHash: { key: string; hash: Buffer } | undefined;

/** Whether a presented key's hash is the configured key's, compared in constant time. */
function isEnvKey(presentedHash: string, envKey: string): boolean {
  if (envKeyHash?.key !== envKey) envKeyHash = { key: envKey, hash: Buffer.from(hashKey(envKey)) };
  return timingSafeEqual(Buffer.from(presentedHash), envKeyHash.hash);
}

/** The principal a bearer key stands for, or null when it is unknown or revoked. */
export async function authenticateApiKey(db: Queryable, key: string): Promise<ApiKeyPrincipal | null> {
  const envKey = config().ENGRAM_API_KEY;
  const keyHash = hashKey(key);
  if (envKey && isEnvKey(keyHash, envKey)) return { kind: "apiKey", uuid: null, name: "ENGRAM_API_KEY" };
  // Every request with a stored key reads it: one prepared statement.
  const [row] = await preparedStatement(db, "api_key_by_hash", () =>
    db
      .select({ id: apiKeys.id, uuid: apiKeys.uuid, name: apiKeys.name, lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sql.placeholder("keyHash")), isNull(apiKeys.revokedAt)))
      .prepare("api_key_by_hash"),
  ).execute({ keyHash });
  if (!row) return null;
  // Record use at most once a minute per key, to keep writes off the request path.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  }
  return { kind: "apiKey", uuid: row.uuid, name: row.name };
}
