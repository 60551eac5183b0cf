import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import { messages, sessions, summaries } from "@/db/schema";
import { logFailure, safeErrorMessage } from "../errors";
import type { Embedder } from "../providers/embeddings";
import { extractEntitiesInSlices } from "../providers/entities";
import type { Summarizer } from "../providers/summarizer";
import { liveMessages } from "../services/messages";
import { preparedStatement } from "../services/query";
import { insertSummary, latestSummary } from "../services/summaries";
import { extractFacts, type FactJobOptions } from "./facts";
import {
  completeSession,
  failSession,
  holdLease,
  holdLeaseStatement,
  LeaseLost,
  type LeaseOptions,
  type RetryOptions,
  renewLease,
} from "./leases";

export interface EnrichmentProviders {
  summarizer: Summarizer;
  /** Absent: no embeddings are computed. */
  embedder?: Embedder;
  /** Extract people, places and organizations. */
  entities: boolean;
}

export interface ProcessOptions extends LeaseOptions, RetryOptions, EnrichmentProviders, FactJobOptions {
  /** The memory window: a fold happens once this many messages are unsummarized. */
  window: number;
  /** Most messages folded into one summary; a larger backlog is folded in several summaries. */
  foldLimit: number;
  /** Messages or summaries enriched per transaction. */
  batchSize: number;
}

export type Outcome = "done" | "failed" | "lease_lost";

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Does all the work a claimed session has: progressive summaries, then entities and embeddings of
 * its messages and summaries. Each result is committed together with a check of the lease.
 */
export async function processSession(db: Db, sessionPk: number, options: ProcessOptions): Promise<Outcome> {
  // Long provider calls (a fold in several chunks) must not outlive the lease while the worker lives.
  const heartbeat = setInterval(() => {
    renewLease(db, sessionPk, options).catch((error: unknown) => logFailure("renewing a lease", error));
  }, options.leaseMs / 3);
  heartbeat.unref();
  try {
    // A failing summarizer does not hold back entities and embeddings, nor the other way round.
    let failure: unknown;
    const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        failure ??= error;
        return undefined;
      }
    };
    const checkedSeq = await attempt(() => summarize(db, sessionPk, options));
    if (options.factExtractor) await attempt(() => extractFacts(db, sessionPk, options));
    await attempt(async () => {
      await enrich(db, sessionPk, options, "messages");
      await enrich(db, sessionPk, options, "summaries");
    });
    if (failure !== undefined) throw failure;
    await completeSession(db, sessionPk, options, checkedSeq!);
    return "done";
  } catch (error) {
    if (error instanceof LeaseLost) return "lease_lost";
    if ((error as Error).name !== "ProviderError") logFailure(`enrichment of session ${sessionPk}`, error);
    return (await failSession(db, sessionPk, options, errorText(error))) ? "failed" : "lease_lost";
  } finally {
    clearInterval(heartbeat);
  }
}

/** What `last_error` shows: a provider's status and message, else words with no SQL or host in them. */
function errorText(error: unknown): string {
  if (error instanceof Error && error.name === "ProviderError") return error.message;
  return safeErrorMessage(error);
}

/**
 * The session's positions, and the position of its window-th unsummarized message (null while
 * fewer are unsummarized): one prepared statement, as most visits find nothing to fold.
 */
function foldCheckStatement(db: Db) {
  return preparedStatement(db, "fold_check", () => {
    const due = db
      .select({ seq: messages.seq })
      .from(messages)
      .where(and(liveMessages(sessions.id), gt(messages.seq, sessions.summarizedSeq)))
      .orderBy(asc(messages.seq))
      .limit(1)
      .offset(sql.placeholder("offset"));
    return db
      .select({
        messageSeq: sessions.messageSeq,
        summarizedSeq: sessions.summarizedSeq,
        deletedAt: sessions.deletedAt,
        due: sql<number | null>`(${due})`.mapWith(Number),
      })
      .from(sessions)
      .where(eq(sessions.id, sql.placeholder("sessionPk")))
      .prepare("fold_check");
  });
}

/** A batch of the session's unenriched messages or summaries, oldest first. */
function unenrichedStatement(db: Db, table: "messages" | "summaries") {
  return preparedStatement(db, `unenriched_${table}`, () => {
    const target = table === "messages" ? messages : summaries;
    const order = table === "messages" ? messages.seq : summaries.recentMessageSeq;
    return db
      .select({ id: target.id, content: target.content })
      .from(target)
      .where(
        and(
          eq(target.sessionPk, sql.placeholder("sessionPk")),
          isNull(target.enrichedAt),
          isNull(target.deletedAt),
        ),
      )
      .orderBy(asc(order))
      .limit(sql.placeholder("limit"))
      .prepare(`unenriched_${table}`);
  });
}

/**
 * Zep's progressive rule: while at least `window` messages are unsummarized, fold all but the
 * newest window/2 of them into the previous summary. Returns the session's message position once
 * nothing is left to fold.
 */
async function summarize(db: Db, sessionPk: number, options: ProcessOptions): Promise<number> {
  const keep = Math.floor(options.window / 2);
  for (;;) {
    const [session] = await foldCheckStatement(db).execute({ sessionPk, offset: options.window - 1 });
    if (!session || session.deletedAt) return session?.messageSeq ?? 0;
    // The window-th unsummarized message exists: there is a fold to make.
    if (session.due === null) return session.messageSeq;
    const unsummarized = and(liveMessages(sessionPk), gt(messages.seq, session.summarizedSeq));
    // The oldest of the messages that stay unsummarized.
    const [kept] = await db
      .select({ seq: messages.seq })
      .from(messages)
      .where(unsummarized)
      .orderBy(desc(messages.seq))
      .limit(1)
      .offset(keep - 1);
    const folded = await db
      .select({ uuid: messages.uuid, seq: messages.seq, role: messages.role, content: messages.content })
      .from(messages)
      .where(and(unsummarized, lt(messages.seq, kept!.seq)))
      .orderBy(asc(messages.seq))
      .limit(options.foldLimit);
    const previous = await latestSummary(db, sessionPk);
    const content = await options.summarizer.summarize({ previous: previous?.content, messages: folded });
    const newest = folded[folded.length - 1]!;

    await db.transaction(async (tx) => {
      await holdLease(tx, sessionPk, options);
      const [current] = await tx
        .select({ summarizedSeq: sessions.summarizedSeq, deletedAt: sessions.deletedAt })
        .from(sessions)
        .where(eq(sessions.id, sessionPk))
        .for("update");
      // Someone else summarized or deleted meanwhile: this fold no longer continues the last summary.
      if (!current || current.deletedAt || current.summarizedSeq !== session.summarizedSeq) return;
      await insertSummary(tx, sessionPk, {
        content: content || " ",
        recentMessageUuid: newest.uuid,
        recentMessageSeq: newest.seq,
      });
    });
  }
}

interface EnrichedRow {
  id: number;
  entities: unknown[] | null;
  embedding: number[] | null;
}

/** Entities and embeddings for the table's unenriched rows of the session, a batch at a time. */
async function enrich(db: Db, sessionPk: number, options: ProcessOptions, table: "messages" | "summaries") {
  for (;;) {
    const rows = await unenrichedStatement(db, table).execute({ sessionPk, limit: options.batchSize });
    if (rows.length === 0) return;

    const vectors = options.embedder
      ? await options.embedder.embed(rows.map((row) => row.content))
      : undefined;
    const enriched: EnrichedRow[] = [];
    for (const [index, row] of rows.entries()) {
      // Entity extraction is CPU work: let requests in between messages and between the slices
      // of a long one.
      if (options.entities) await nextTick();
      enriched.push({
        id: row.id,
        entities: options.entities ? await extractEntitiesInSlices(row.content, nextTick) : null,
        embedding: vectors?.[index] ?? null,
      });
    }

    // The lease check and the write in one statement (a data-modifying WITH runs to completion):
    // the lease's row stays locked until it ends.
    const [written] = await queryRows<{ held: boolean }>(
      db,
      sql`
        with lease as (${holdLeaseStatement(sessionPk, options)}),
        written as (
          update ${sql.identifier(table)} as t
             set metadata = case when r.entities is null then t.metadata
                   else jsonb_set(t.metadata, '{system}',
                     coalesce(t.metadata -> 'system', '{}'::jsonb) || jsonb_build_object('entities', r.entities))
                 end,
                 embedding = case when r.embedding is null then t.embedding
                   else translate(r.embedding::text, '[]', '{}')::real[] end,
                 enriched_at = now()
            from jsonb_to_recordset(${JSON.stringify(enriched)}::jsonb) as r(id bigint, entities jsonb, embedding jsonb)
           where exists (select from lease)
             and t.session_pk = ${sessionPk} and t.id = r.id and t.enriched_at is null and t.deleted_at is null)
        select exists (select from lease) as held`,
    );
    if (!written?.held) throw new LeaseLost(sessionPk);
    // A short batch was the last one.
    if (rows.length < options.batchSize) return;
  }
}

/**
 * Once an embedder is configured, rows enriched before it have no embedding: mark them unenriched
 * so the worker embeds them too. Returns how many rows were marked.
 */
export async function requeueUnembedded(db: Db): Promise<number> {
  let marked = 0;
  for (const table of [messages, summaries]) {
    const rows = await db
      .update(table)
      .set({ enrichedAt: null })
      .where(and(isNull(table.deletedAt), isNotNull(table.enrichedAt), isNull(table.embedding)))
      .returning({ id: table.id });
    marked += rows.length;
  }
  return marked;
}
