import type { Queryable } from "@/db/client";
import { type MessageRow, type SummaryRow } from "@/db/schema";
import { type SearchInput, type SearchResult } from "../schemas/search";
export interface SearchCandidate {
    kind: "message" | "summary";
    message?: MessageRow;
    summary?: SummaryRow;
    sessionId: string;
    /** Relevance in [0, 1] from the retriever that found it. */
    score: number;
}
/** Searches messages or summaries of one session, one user's sessions, or every session. */
export declare function search(db: Queryable, rawInput: SearchInput): Promise<SearchResult[]>;
/**
 * Fuses candidate lists into one ranking. Lists are fused by reciprocal rank when there are
 * several (lexical and vector); a single list keeps its own order. With `mmr`, the fused list is
 * re-ranked by maximal marginal relevance.
 */
export declare function rankCandidates(lists: SearchCandidate[][], options: {
    limit: number;
    searchType: "similarity" | "mmr";
    mmrLambda: number;
    queryVector?: number[];
}): SearchCandidate[];
/**
 * Zep's filters quote strings with single quotes (`@.label == 'ORG'`); Postgres's JSONPath wants
 * double quotes. Single-quoted literals outside double-quoted strings are rewritten as JSON strings.
 */
export declare function toPostgresJsonPath(path: string): string;
