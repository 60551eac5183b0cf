import type { Queryable } from "@/db/client";
import { type ChangedField, type JsonObject, metadataChanges } from "@/db/schema";
import { invalid } from "../errors";

/** Who made a change: "api-key:<name>", "account:<email>", "engram" for background work. */
export type Actor = string;

export const SYSTEM_KEY = "system";

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Nested objects merge; scalars, arrays and null replace. */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** The top-level `system` key belongs to enrichment; callers may not write it. */
export function assertCallerMetadata(metadata: JsonObject | null | undefined): JsonObject {
  if (!metadata) return {};
  if (Object.hasOwn(metadata, SYSTEM_KEY)) {
    throw invalid(`metadata key "${SYSTEM_KEY}" is reserved for Engram's enrichment`);
  }
  return metadata;
}

/**
 * A caller's change to metadata: `patch` deep-merges, then the top-level `removeKeys` are deleted.
 * `system` stays as it was.
 */
export function mergeCallerMetadata(
  current: JsonObject,
  patch: JsonObject | null | undefined,
  removeKeys: readonly string[] = [],
): JsonObject {
  if (removeKeys.includes(SYSTEM_KEY)) {
    throw invalid(`metadata key "${SYSTEM_KEY}" is reserved for Engram's enrichment`);
  }
  const merged = deepMerge(current, assertCallerMetadata(patch));
  for (const key of removeKeys) delete merged[key];
  return merged;
}

export async function recordMetadataChange(
  db: Queryable,
  change: {
    entityType: "user" | "session" | "message";
    entityId: string;
    /** The metadata unless said otherwise (a session's user). */
    field?: ChangedField;
    actor: Actor;
    before: JsonObject;
    after: JsonObject;
  },
): Promise<void> {
  if (JSON.stringify(change.before) === JSON.stringify(change.after)) return;
  await db.insert(metadataChanges).values(change);
}
