import { and, desc, eq, gt, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Db, type Queryable, queryRows } from "@/db/client";
import {
  type MessageRow,
  messages,
  type SessionEnrichmentRow,
  type SummaryRow,
  sessionEnrichment,
  sessions,
  summaries,
} from "@/db/schema";
import { config } from "../config";
import { type Embedder, embedderFromConfig, normalize } from "../providers/embeddings";
import { factExtractionOffReason, factExtractorFromConfig } from "../providers/facts";
import { summarizerFromConfig } from "../providers/summarizer";
import type { EnrichmentFailuresInput, EnrichmentOverview, EnrichmentStatus } from "../schemas/enrichment";
import { requireSession } from "./sessions";
import { rankSummariesByText } from "./summaries";

const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;

// Drizzle's SQL text, a host:port or a connection URL: what errors recorded by older versions may hold.
const internalDetail = /failed query|\bparams:|\d{1,3}(\.\d{1,3}){3}:\d+|postgres(ql)?:\/\//i;

/** A recorded error as it may be shown: internal details become a plain "internal error". */
function shownError(text: string | null | undefined): string | null {
  if (!text) return null;
  return internalDetail.test(text) ? "internal error" : text;
}

async function countOf(db: Queryable, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ count: string | number }>(db, query);
  return Number(row?.count ?? 0);
}

/** Where a session's background work stands: up to date, pending, or failing (with the last error). */
export async function getEnrichmentStatus(db: Queryable, sessionId: string): Promise<EnrichmentStatus> {
  const session = await requireSession(db, sessionId);
  const [state] = await db
    .select()
    .from(sessionEnrichment)
    .where(eq(sessionEnrichment.sessionPk, session.id));
  const unsummarized = await db.$count(
    messages,
    and(
      eq(messages.sessionPk, session.id),
      isNull(messages.deletedAt),
      gt(messages.seq, session.summarizedSeq),
    ),
  );
  const unenrichedMessages = await db.$count(
    messages,
    and(eq(messages.sessionPk, session.id), isNull(messages.deletedAt), isNull(messages.enrichedAt)),
  );
  const unenrichedSummaries = await db.$count(
    summaries,
    and(eq(summaries.sessionPk, session.id), isNull(summaries.deletedAt), isNull(summaries.enrichedAt)),
  );
  const extracting = factExtractorFromConfig() !== undefined;
  const unextracted = extracting ? await unextractedMessages(db, session.id) : 0;
  const owed =
    unenrichedMessages > 0 ||
    unenrichedSummaries > 0 ||
    unextracted > 0 ||
    unsummarized >= config().ENGRAM_MEMORY_WINDOW;
  return {
    session_id: session.sessionId,
    state: stateOf(state, owed),
    unsummarized_messages: unsummarized,
    unenriched_messages: unenrichedMessages,
    unenriched_summaries: unenrichedSummaries,
    attempts: state?.attempts ?? 0,
    last_error: shownError(state?.lastError),
    last_error_at: iso(state?.lastErrorAt),
    next_attempt_at: state?.pending || owed ? iso(state?.nextAttemptAt) : null,
    in_progress: Boolean(state?.leaseExpiresAt && state.leaseExpiresAt > new Date()),
    last_completed_at: iso(state?.completedAt),
    fact_extraction: extracting ? "on" : "off",
    unextracted_messages: unextracted,
  };
}

/** Live messages of the session that fact extraction has not read yet. */
async function unextractedMessages(db: Queryable, sessionPk: number): Promise<number> {
  return countOf(
    db,
    sql`select count(*) as count from messages m
         where m.session_pk = ${sessionPk} and m.deleted_at is null
           and m.seq > coalesce((select extracted_seq from fact_extraction where session_pk = ${sessionPk}), 0)`,
  );
}

function stateOf(row: SessionEnrichmentRow | undefined, owed: boolean): EnrichmentStatus["state"] {
  if (row && row.attempts > 0) return "failing";
  return owed || row?.pending ? "pending" : "up_to_date";
}

/** The whole instance's enrichment: providers, backlog and failures (for the dashboard). */
export async function getEnrichmentOverview(db: Queryable): Promise<EnrichmentOverview> {
  const settings = config();
  const liveState = sql`from session_enrichment e join sessions s on s.id = e.session_pk and s.deleted_at is null`;
  return {
    summarizer: summarizerFromConfig(settings).name,
    embedder: embedderFromConfig(settings)?.name ?? null,
    entities: settings.ENGRAM_ENTITIES === "on",
    facts: factExtractorFromConfig(settings)?.name ?? null,
    facts_off_reason: factExtractionOffReason(settings) ?? null,
    worker: settings.ENGRAM_WORKER === "on",
    sessions_pending: await countOf(db, sql`select count(*) as count ${liveState} where e.pending`),
    sessions_failing: await countOf(db, sql`select count(*) as count ${liveState} where e.attempts > 0`),
    messages_unenriched: await db.$count(
      messages,
      and(isNull(messages.enrichedAt), isNull(messages.deletedAt)),
    ),
    summaries_unenriched: await db.$count(
      summaries,
      and(isNull(summaries.enrichedAt), isNull(summaries.deletedAt)),
    ),
  };
}

/** Sessions whose last enrichment attempt failed, most recent failure first. */
export async function listEnrichmentFailures(db: Queryable, input: EnrichmentFailuresInput) {
  const rows = await db
    .select({ sessionId: sessions.sessionId, state: sessionEnrichment })
    .from(sessionEnrichment)
    .innerJoin(sessions, and(eq(sessions.id, sessionEnrichment.sessionPk), isNull(sessions.deletedAt)))
    .where(gt(sessionEnrichment.attempts, 0))
    .orderBy(desc(sessionEnrichment.lastErrorAt))
    .limit(input.limit);
  return rows.map(({ sessionId, state }) => ({
    session_id: sessionId,
    attempts: state.attempts,
    last_error: shownError(state.lastError),
    last_error_at: iso(state.lastErrorAt),
    next_attempt_at: iso(state.nextAttemptAt),
  }));
}

/** Makes a session's work due now instead of after its backoff (an operator's "retry"). */
export async function retryEnrichment(db: Db, sessionId: string): Promise<EnrichmentStatus> {
  const session = await requireSession(db, sessionId);
  await db
    .insert(sessionEnrichment)
    .values({ sessionPk: session.id, pending: true })
    .onConflictDoUpdate({
      target: sessionEnrichment.sessionPk,
      set: { pending: true, nextAttemptAt: sql`now()`, updatedAt: sql`now()` },
    });
  return getEnrichmentStatus(db, sessionId);
}

/** A real[] literal for a vector, bound as one parameter. */
export const vectorParam = (vector: readonly number[]): SQL => sql`${`{${vector.join(",")}}`}::real[]`;

/**
 * Cosine similarity between a stored unit-vector `embedding` column and a unit `vector`, in SQL
 * (no pgvector): null for rows without an embedding of the same dimension.
 */
export function embeddingSimilarity(column: PgColumn, vector: readonly number[]): SQL<number | null> {
  return sql<number | null>`case when array_length(${column}, 1) = ${vector.length}
      then (select sum(a * b) from unnest(${column}, ${vectorParam(vector)}) as pair(a, b)) end`.mapWith(
    (value) => (value === null ? null : Number(value)),
  );
}

/** A request waits at most this long for its query's embedding before ranking without it. */
const QUERY_EMBEDDING_WAIT_MS = 5_000;

/** The embedding of a query; undefined (and a logged warning) when the provider fails or is slow. */
export async function embedQuery(embedder: Embedder, text: string): Promise<number[] | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${QUERY_EMBEDDING_WAIT_MS} ms`)),
      QUERY_EMBEDDING_WAIT_MS,
    );
  });
  try {
    return (await Promise.race([embedder.embed([text]), slow]))[0];
  } catch (error) {
    console.warn(`embedding a query failed, falling back to lexical ranking: ${(error as Error).message}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The session's summaries most relevant to `recent` messages, best first: by embedding similarity
 * when an embedder is configured (the messages' stored embeddings, or their text embedded now), by
 * full-text relevance otherwise or as a fallback.
 */
export async function relevantSummaries(
  db: Queryable,
  sessionPk: number,
  recent: RecentMessage[],
  limit: number,
): Promise<SummaryRow[]> {
  const text = recent.map((message) => message.content).join("\n");
  const embedder = embedderFromConfig();
  const vector = embedder && text.trim() ? await recentVector(embedder, recent, text) : undefined;
  if (vector) {
    const similarity = embeddingSimilarity(summaries.embedding, vector);
    const ranked = await db
      .select()
      .from(summaries)
      .where(
        and(eq(summaries.sessionPk, sessionPk), isNull(summaries.deletedAt), isNotNull(summaries.embedding)),
      )
      .orderBy(sql`${similarity} desc nulls last`, desc(summaries.recentMessageSeq))
      .limit(limit);
    if (ranked.length >= limit) return ranked;
    // Summaries not embedded yet still count, after the embedded ones.
    const taken = new Set(ranked.map((row) => row.id));
    const rest = await rankSummariesByText(db, sessionPk, text, limit);
    return [...ranked, ...rest.filter((row) => !taken.has(row.id))].slice(0, limit);
  }
  return rankSummariesByText(db, sessionPk, text, limit);
}

/** The mean of the messages' stored embeddings when they all have one, else their text embedded. */
/** What ranking against recent messages reads of them. */
export type RecentMessage = Pick<MessageRow, "content"> & { embedding?: number[] | null };

export async function recentVector(embedder: Embedder, recent: RecentMessage[], text: string) {
  const stored = recent.map((message) => message.embedding);
  const dimensions = stored[0]?.length ?? 0;
  if (dimensions > 0 && stored.every((vector) => vector?.length === dimensions)) {
    const mean = Array.from({ length: dimensions }, (_, i) =>
      stored.reduce((sum, vector) => sum + vector![i]!, 0),
    );
    try {
      return normalize(mean);
    } catch {
      return undefined;
    }
  }
  return embedQuery(embedder, text);
}
