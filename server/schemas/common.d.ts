import { z } from "zod";
/** Text Postgres can store as given: no NUL characters, no unpaired surrogates (UTF-8 cannot encode them). */
export declare const storableText: (label: string) => z.ZodString;
/** A caller's identifier for a user or session. */
export declare const callerId: (label: string) => z.ZodString;
export declare const sessionIdSchema: z.ZodString;
export declare const userIdSchema: z.ZodString;
/** Deeper metadata than this is refused: serializing and merging it would exhaust the stack. */
export declare const MAX_METADATA_DEPTH = 100;
/** A JSON object as metadata: bounded nesting, no NUL characters or unpaired surrogates in any key or string. */
export declare const metadataSchema: z.ZodRecord<z.ZodString, z.ZodUnknown>;
/** Top-level metadata keys an update deletes (after merging its `metadata`). */
export declare const removeMetadataKeysSchema: z.ZodArray<z.ZodString>;
export declare const uuidSchema: z.ZodGUID;
export declare const limitSchema: z.ZodCoercedNumber<unknown>;
/** Message content, bounded by ENGRAM_MAX_MESSAGE_CHARS. */
export declare const contentSchema: z.ZodString;
export declare const timestampSchema: z.ZodISODateTime;
/** An annotation: metadata merged in, then top-level keys removed. */
export declare const metadataPatchInput: z.ZodObject<{
    metadata: z.ZodOptional<z.ZodNullable<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    remove_metadata_keys: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export type MetadataPatchInput = z.infer<typeof metadataPatchInput>;
