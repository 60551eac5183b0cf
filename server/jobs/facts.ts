import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type FactRow, factExtraction, facts, messages, sessions, users } from "@/db/schema";
import type { Embedder } from "../providers/embeddings";
import type { FactExtractor } from "../providers/facts";
import { ProviderError } from "../providers/llm";
import type { FactOperation } from "../schemas/providers";
import {
  closeFact,
  type FactOwner,
  insertOrRestateFact,
  normalizedFact,
  ownedBy,
  ownerOfSession,
  recordFactChange,
  restateFact,
  validAt,
} from "../services/facts";
import { liveMessages } from "../services/messages";
import { holdLease, type LeaseOptions } from "./leases";

export interface FactJobOptions extends LeaseOptions {
  /** Absent: facts are not extracted. */
  factExtractor?: FactExtractor;
  /** Most new messages read in one extraction call. */
  factBatchSize: number;
  /** New messages wait for this many, or for the session to be quiet this long, before a call. */
  factMinMessages: number;
  factQuietMs: number;
  embedder?: Embedder;
}

/** Who background changes are recorded as. */
const ENGRAM: string = "engram";

/** Most known facts shown to the model as context (the highest rated, then the newest). */
const KNOWN_FACTS_IN_PROMPT = 200;

/**
 * Flags every live session whose unread messages are due for extraction: enough of them, or the
 * session quiet long enough.
 */
export async function discoverFactWork(
  db: Db,
  options: Pick<FactJobOptions, "factMinMessages" | "factQuietMs">,
): Promise<void> {
  await db.execute(sql`
    insert into session_enrichment (session_pk)
    select s.id from sessions s left join fact_extraction f on f.session_pk = s.id
     where s.deleted_at is null and s.message_seq > coalesce(f.extracted_seq, 0)
       and (s.message_seq - coalesce(f.extracted_seq, 0) >= ${options.factMinMessages}
            or s.last_message_at <= now() - make_interval(secs => ${options.factQuietMs / 1000}::double precision))
    on conflict (session_pk) do update set pending = true, updated_at = now()
     where not session_enrichment.pending`);
}

/**
 * Zep's `fact_rating_instruction` as the model reads it: the session's own, else the user's; for
 * each, the stored field first, then the same key in its metadata (as older callers sent it).
 */
function ratingInstructionOf(...sources: unknown[]): string | undefined {
  for (const value of sources) {
    if (typeof value === "string" && value.trim()) return value.trim();
    if (value && typeof value === "object") {
      const { instruction, examples } = value as {
        instruction?: unknown;
        examples?: Record<string, unknown>;
      };
      const parts = typeof instruction === "string" && instruction.trim() ? [instruction.trim()] : [];
      for (const level of ["high", "medium", "low"]) {
        if (typeof examples?.[level] === "string") parts.push(`A ${level} rating: ${examples[level]}`);
      }
      if (parts.length > 0) return parts.join("\n");
    }
  }
  return undefined;
}

/**
 * Reads the session's new messages a batch at a time, one model call per batch, and applies the
 * operations the model proposes. Each batch's result and the new reading position are committed
 * together with a check of the lease, so a batch is applied once even with several workers.
 */
export async function extractFacts(db: Db, sessionPk: number, options: FactJobOptions): Promise<void> {
  const extractor = options.factExtractor;
  if (!extractor) return;
  for (;;) {
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionPk));
    if (!session || session.deletedAt) return;
    const [progress] = await db.select().from(factExtraction).where(eq(factExtraction.sessionPk, sessionPk));
    const fromSeq = progress?.extractedSeq ?? 0;
    if (fromSeq >= session.messageSeq) return;
    const quiet = (session.lastMessageAt?.getTime() ?? 0) <= Date.now() - options.factQuietMs;
    // A turn or two at a time would cost a call each: wait for more, or for the conversation to pause.
    if (session.messageSeq - fromSeq < options.factMinMessages && !quiet) return;

    const batch = await db
      .select()
      .from(messages)
      .where(and(liveMessages(sessionPk), gt(messages.seq, fromSeq)))
      .orderBy(asc(messages.seq))
      .limit(options.factBatchSize);
    const toSeq = batch.length === options.factBatchSize ? batch[batch.length - 1]!.seq : session.messageSeq;
    const owner = ownerOfSession(session);

    let operations: FactOperation[] = [];
    let known: FactRow[] = [];
    let embeddings: number[][] | undefined;
    if (batch.length > 0) {
      known = await db
        .select()
        .from(facts)
        .where(and(ownedBy(owner), validAt()))
        .orderBy(desc(facts.pinned), desc(facts.rating), desc(facts.validAt))
        .limit(KNOWN_FACTS_IN_PROMPT);
      const [user] = session.userId
        ? await db
            .select({ metadata: users.metadata, factRatingInstruction: users.factRatingInstruction })
            .from(users)
            .where(eq(users.userId, session.userId))
        : [];
      operations = await extractor.extract({
        known: known.map((row, index) => ({ id: `F${index + 1}`, fact: row.fact, pinned: row.pinned })),
        messages: batch.map((message, index) => ({
          id: `M${index + 1}`,
          role: message.roleType === "norole" ? message.role : `${message.role} (${message.roleType})`,
          content: message.content,
        })),
        ratingInstruction: ratingInstructionOf(
          session.factRatingInstruction,
          session.metadata.fact_rating_instruction,
          user?.factRatingInstruction,
          user?.metadata.fact_rating_instruction,
        ),
      });
      checkIds(operations, known.length, batch.length);
      const added = operations.flatMap((operation) => (operation.type === "add" ? [operation.fact] : []));
      if (options.embedder && added.length > 0) embeddings = await options.embedder.embed(added);
    }

    await db.transaction(async (tx) => {
      await holdLease(tx, sessionPk, options);
      await tx.insert(factExtraction).values({ sessionPk }).onConflictDoNothing();
      const [current] = await tx
        .select()
        .from(factExtraction)
        .where(eq(factExtraction.sessionPk, sessionPk))
        .for("update");
      // Another worker applied this batch meanwhile (its lease had expired): do not apply it twice.
      if (current!.extractedSeq !== fromSeq) return;
      await applyOperations(tx, owner, sessionPk, operations, { known, batch, embeddings });
      await tx
        .update(factExtraction)
        .set({ extractedSeq: toSeq, updatedAt: sql`now()` })
        .where(eq(factExtraction.sessionPk, sessionPk));
    });
  }
}

/** The model named a fact or message that it was not shown: the whole answer is unusable. */
function checkIds(operations: FactOperation[], factCount: number, messageCount: number): void {
  const known = (id: string, prefix: string, count: number) => {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(id.trim());
    return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= count;
  };
  for (const operation of operations) {
    if (operation.type !== "add" && !known(operation.fact_id, "F", factCount)) {
      throw new ProviderError(
        `the fact extractor named an unknown fact ${JSON.stringify(operation.fact_id)}`,
      );
    }
    for (const source of operation.sources) {
      if (!known(source, "M", messageCount)) {
        throw new ProviderError(`the fact extractor named an unknown message ${JSON.stringify(source)}`);
      }
    }
  }
}

interface BatchContext {
  known: FactRow[];
  batch: (typeof messages.$inferSelect)[];
  embeddings?: number[][];
}

async function applyOperations(
  tx: Queryable,
  owner: FactOwner,
  sessionPk: number,
  operations: FactOperation[],
  { known, batch, embeddings }: BatchContext,
): Promise<void> {
  const indexOf = (id: string) => Number(id.trim().slice(1)) - 1;
  const sourcesOf = (ids: string[]) => ids.map((id) => batch[indexOf(id)]!);
  const newest = (ids: string[]) => {
    const sources = sourcesOf(ids);
    return sources.length
      ? new Date(Math.max(...sources.map((message) => message.createdAt.getTime())))
      : undefined;
  };
  // The fact as it is now: a person may have rejected or pinned it since the model saw it.
  const fresh = async (id: string) => {
    const [row] = await tx
      .select()
      .from(facts)
      .where(and(eq(facts.id, known[indexOf(id)]!.id), validAt()))
      .for("update");
    return row;
  };

  /** Facts ended in this batch and the sentence of their successor. */
  const replaced: { row: FactRow; by: string }[] = [];
  const addedRows: FactRow[] = [];

  // Endings first, so that what is true now is added beside what it replaces, never merged into it.
  for (const operation of operations) {
    if (operation.type !== "invalidate") continue;
    const row = await fresh(operation.fact_id);
    if (!row) continue;
    if (row.pinned) {
      await recordFactChange(tx, row.uuid, "kept_pinned", ENGRAM, row, row);
      continue;
    }
    const closed = await closeFact(tx, row, "contradicted", ENGRAM, {
      at: newest(operation.sources),
      action: "invalidated",
    });
    if (operation.replaced_by) replaced.push({ row: closed, by: normalizedFact(operation.replaced_by) });
  }
  let addIndex = 0;
  for (const operation of operations) {
    if (operation.type === "restate") {
      const row = await fresh(operation.fact_id);
      if (row)
        await restateFact(
          tx,
          row,
          sourcesOf(operation.sources).map((message) => message.uuid),
          ENGRAM,
        );
    } else if (operation.type === "add") {
      const { row } = await insertOrRestateFact(
        tx,
        owner,
        {
          fact: operation.fact,
          rating: operation.rating,
          origin: "extracted",
          sources: sourcesOf(operation.sources).map((message) => message.uuid),
          validAt: newest(operation.sources),
          embedding: embeddings?.[addIndex] ?? null,
          sessionPk,
        },
        ENGRAM,
      );
      addedRows.push(row);
      addIndex += 1;
    }
  }
  // Link each ended fact to its successor, so the history reads "was X, now Y".
  for (const { row, by } of replaced) {
    const successor = addedRows.find((added) => normalizedFact(added.fact) === by);
    if (successor) await tx.update(facts).set({ supersededBy: successor.uuid }).where(eq(facts.id, row.id));
  }
}
