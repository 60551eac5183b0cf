import { type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, type Queryable } from "@/db/client";
import { type MessageRow, type SummaryRow } from "@/db/schema";
import { type Embedder } from "../providers/embeddings";
import { type EnrichmentFailuresInput, type EnrichmentOverview, type EnrichmentStatus } from "../schemas/enrichment";
/** Where a session's background work stands: up to date, pending, or failing (with the last error). */
export declare function getEnrichmentStatus(db: Queryable, sessionId: string): Promise<EnrichmentStatus>;
/** The whole instance's enrichment: providers, backlog and failures (for the dashboard). */
export declare function getEnrichmentOverview(db: Queryable): Promise<EnrichmentOverview>;
/** Sessions whose last enrichment attempt failed, most recent failure first. */
export declare function listEnrichmentFailures(db: Queryable, rawInput?: EnrichmentFailuresInput): Promise<{
    session_id: string;
    attempts: number;
    last_error: string | null;
    last_error_at: string | null;
    next_attempt_at: string | null;
}[]>;
/** Makes a session's work due now instead of after its backoff (an operator's "retry"). */
export declare function retryEnrichment(db: Db, sessionId: string): Promise<EnrichmentStatus>;
/** A real[] literal for a vector, bound as one parameter. */
export declare const vectorParam: (vector: readonly number[]) => SQL;
/**
 * Cosine similarity between a stored unit-vector `embedding` column and a unit `vector`, in SQL
 * (no pgvector): null for rows without an embedding of the same dimension.
 */
export declare function embeddingSimilarity(column: PgColumn, vector: readonly number[]): SQL<number | null>;
/** The embedding of a query; undefined (and a logged warning) when the provider fails or is slow. */
export declare function embedQuery(embedder: Embedder, text: string): Promise<number[] | undefined>;
/**
 * The session's summaries most relevant to `recent` messages, best first: by embedding similarity
 * when an embedder is configured (the messages' stored embeddings, or their text embedded now), by
 * full-text relevance otherwise or as a fallback.
 */
export declare function relevantSummaries(db: Queryable, sessionPk: number, recent: MessageRow[], limit: number): Promise<SummaryRow[]>;
