import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import { messages, type SummaryRow, sessions, summaries } from "@/db/schema";
import { invalid } from "../errors";
import { countTokens } from "../providers/tokenizer";
import type { AddSummaryInput, Summary } from "../schemas/memory";
import { assertCallerMetadata } from "./metadata";
import { requireSession } from "./sessions";

export function toSummary(
  row: Pick<SummaryRow, "uuid" | "createdAt" | "content" | "recentMessageUuid" | "metadata" | "tokenCount">,
): Summary {
  return {
    uuid: row.uuid,
    created_at: row.createdAt.toISOString(),
    content: row.content,
    recent_message_uuid: row.recentMessageUuid,
    metadata: row.metadata,
    token_count: row.tokenCount,
  };
}

/** The live summaries of a session: by its key, or by a session column of the enclosing query. */
export const liveSummaries = (sessionPk: number | AnyPgColumn) =>
  and(eq(summaries.sessionPk, sessionPk), isNull(summaries.deletedAt));

/** The newest summary of a session, or the newest one ending before position `beforeSeq`. */
export async function latestSummary(
  db: Queryable,
  sessionPk: number,
  beforeSeq?: number,
): Promise<SummaryRow | undefined> {
  const [row] = await db
    .select()
    .from(summaries)
    .where(
      and(
        liveSummaries(sessionPk),
        beforeSeq === undefined ? undefined : lt(summaries.recentMessageSeq, beforeSeq),
      ),
    )
    .orderBy(desc(summaries.recentMessageSeq), desc(summaries.id))
    .limit(1);
  return row;
}

/** The session's summaries, oldest first. */
export async function listSummaries(db: Queryable, sessionId: string): Promise<Summary[]> {
  const session = await requireSession(db, sessionId);
  const rows = await db
    .select()
    .from(summaries)
    .where(liveSummaries(session.id))
    .orderBy(asc(summaries.recentMessageSeq));
  return rows.map(toSummary);
}

/**
 * Stores a summary covering the session up to `recent_message_uuid`, which must be one of the
 * session's messages newer than what the latest summary covers.
 */
export async function addSummary(db: Db, sessionId: string, input: AddSummaryInput): Promise<Summary> {
  const metadata = assertCallerMetadata(input.metadata);
  return db.transaction(async (tx) => {
    const session = await requireSession(tx, sessionId, true);
    const [recent] = await tx
      .select({ seq: messages.seq })
      .from(messages)
      .where(
        and(
          eq(messages.sessionPk, session.id),
          isNull(messages.deletedAt),
          eq(messages.uuid, input.recent_message_uuid),
        ),
      );
    if (!recent)
      throw invalid(`message ${input.recent_message_uuid} is not in session ${JSON.stringify(sessionId)}`);
    const previous = await latestSummary(tx, session.id);
    if (previous && previous.recentMessageSeq >= recent.seq) {
      throw invalid("a summary must cover messages newer than the latest summary");
    }
    return insertSummary(tx, session.id, {
      content: input.content,
      recentMessageUuid: input.recent_message_uuid,
      recentMessageSeq: recent.seq,
      metadata,
    });
  });
}

/** Inserts a summary and moves the session's summarized position forward (inside a transaction). */
export async function insertSummary(
  tx: Queryable,
  sessionPk: number,
  summary: {
    content: string;
    recentMessageUuid: string;
    recentMessageSeq: number;
    metadata?: Record<string, unknown>;
  },
): Promise<Summary> {
  const [row] = await tx
    .insert(summaries)
    .values({ sessionPk, ...summary, tokenCount: countTokens(summary.content) })
    .returning();
  await tx
    .update(sessions)
    .set({ summarizedSeq: sql`greatest(${sessions.summarizedSeq}, ${summary.recentMessageSeq})` })
    .where(eq(sessions.id, sessionPk));
  return toSummary(row!);
}

/**
 * The session's summaries ranked by full-text relevance to `text` (any of its words), best first;
 * summaries matching nothing come last, newest first.
 */
export async function rankSummariesByText(
  db: Queryable,
  sessionPk: number,
  text: string,
  limit: number,
): Promise<SummaryRow[]> {
  const anyWord = sql`to_tsquery('simple', coalesce(nullif(array_to_string(array(
      select quote_literal(lexeme) from unnest(tsvector_to_array(to_tsvector('english', ${text}))) as lexeme
    ), ' | '), ''), 'engram_no_match'))`;
  return db
    .select()
    .from(summaries)
    .where(liveSummaries(sessionPk))
    .orderBy(desc(sql`ts_rank(${summaries.searchVector}, ${anyWord})`), desc(summaries.recentMessageSeq))
    .limit(limit);
}
