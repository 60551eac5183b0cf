import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import { type SummaryRow } from "@/db/schema";
import { type AddSummaryInput, type Summary } from "../schemas/memory";
export declare function toSummary(row: SummaryRow): Summary;
/** The live summaries of a session: by its key, or by a session column of the enclosing query. */
export declare const liveSummaries: (sessionPk: number | AnyPgColumn) => import("drizzle-orm").SQL<unknown> | undefined;
/** The newest summary of a session, or the newest one ending before position `beforeSeq`. */
export declare function latestSummary(db: Queryable, sessionPk: number, beforeSeq?: number): Promise<SummaryRow | undefined>;
/** The session's summaries, oldest first. */
export declare function listSummaries(db: Queryable, sessionId: string): Promise<Summary[]>;
/**
 * Stores a summary covering the session up to `recent_message_uuid`, which must be one of the
 * session's messages newer than what the latest summary covers.
 */
export declare function addSummary(db: Db, sessionId: string, rawInput: AddSummaryInput): Promise<Summary>;
/** Inserts a summary and moves the session's summarized position forward (inside a transaction). */
export declare function insertSummary(tx: Queryable, sessionPk: number, summary: {
    content: string;
    recentMessageUuid: string;
    recentMessageSeq: number;
    metadata?: Record<string, unknown>;
}): Promise<Summary>;
/**
 * The session's summaries ranked by full-text relevance to `text` (any of its words), best first;
 * summaries matching nothing come last, newest first.
 */
export declare function rankSummariesByText(db: Queryable, sessionPk: number, text: string, limit: number): Promise<SummaryRow[]>;
