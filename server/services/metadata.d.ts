import type { Queryable } from "@/db/client";
import { type JsonObject } from "@/db/schema";
/** Who made a change: "api-key:<name>", "account:<email>", "engram" for background work. */
export type Actor = string;
export declare const SYSTEM_KEY = "system";
/** Nested objects merge; scalars, arrays and null replace. */
export declare function deepMerge(base: JsonObject, patch: JsonObject): JsonObject;
/** The top-level `system` key belongs to enrichment; callers may not write it. */
export declare function assertCallerMetadata(metadata: JsonObject | null | undefined): JsonObject;
/**
 * A caller's change to metadata: `patch` deep-merges, then the top-level `removeKeys` are deleted.
 * `system` stays as it was.
 */
export declare function mergeCallerMetadata(current: JsonObject, patch: JsonObject | null | undefined, removeKeys?: readonly string[]): JsonObject;
export declare function recordMetadataChange(db: Queryable, change: {
    entityType: "user" | "session" | "message";
    entityId: string;
    actor: Actor;
    before: JsonObject;
    after: JsonObject;
}): Promise<void>;
