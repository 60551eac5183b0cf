import { and, desc, eq, gt, inArray, isNull, ne, type Placeholder, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import {
  type MemoryType,
  type MessageRow,
  messages,
  type SessionRow,
  type SummaryRow,
  sessions,
  summaries,
} from "@/db/schema";
import { config } from "../config";
import { AppError, notFound } from "../errors";
import { countTokens } from "../providers/tokenizer";
import { sessionIdSchema } from "../schemas/common";
import {
  type AddMemoryInput,
  addMemoryInput,
  type GetMemoryOptions,
  getMemoryOptions,
  type Memory,
} from "../schemas/memory";
import { relevantSummaries } from "./enrichment";
import { relevantFacts } from "./factRanking";
import { type FactRecord, ownerOfSession, toFact } from "./facts";
import { liveMessages, toMessage } from "./messages";
import { type Actor, assertCallerMetadata } from "./metadata";
import { fieldsOf, preparedStatement } from "./query";
import { deleteSession, requireSession } from "./sessions";
import { latestSummary, liveSummaries, toSummary } from "./summaries";

export interface AddMemoryResult {
  session_id: string;
  /** Messages stored by this call; re-sent uuids are not counted. */
  added: number;
  /** Uuids of the batch, in order, whether newly stored or already there. */
  message_uuids: string[];
}

/**
 * Appends a batch of messages to a session, creating the session (or reviving a deleted one) as
 * needed. The batch is stored in one transaction, in its own order, right after the session's
 * newest message; a message whose uuid is already stored in the session is skipped.
 */
export async function addMemory(
  db: Db,
  sessionId: string,
  rawInput: AddMemoryInput,
  _actor: Actor,
): Promise<AddMemoryResult> {
  // memory.add may create the session, so its id is validated like a created session's.
  const validSessionId = sessionIdSchema.parse(sessionId);
  const input = addMemoryInput.parse(rawInput);
  const batch = input.messages.map((message) => ({
    uuid: message.uuid?.toLowerCase() ?? crypto.randomUUID(),
    role: message.role,
    roleType: message.role_type ?? "norole",
    content: message.content,
    metadata: assertCallerMetadata(message.metadata),
    tokenCount: countTokens(message.content),
  }));
  const batchTokens = batch.reduce((sum, message) => sum + message.tokenCount, 0);
  const revived = sql`${sessions.deletedAt} is not null`;

  return db.transaction(async (tx) => {
    // Claiming the batch's positions locks the session row until commit, so concurrent batches
    // on one session queue up and each lands contiguous.
    const [session] = await tx
      .insert(sessions)
      .values({
        sessionId: validSessionId,
        messageSeq: batch.length,
        messageCount: batch.length,
        tokenCount: batchTokens,
        lastMessageAt: sql`now()`,
      })
      .onConflictDoUpdate({
        target: sessions.sessionId,
        set: {
          messageSeq: sql`${sessions.messageSeq} + ${batch.length}`,
          summarizedSeq: sql`case when ${revived} then ${sessions.messageSeq} else ${sessions.summarizedSeq} end`,
          messageCount: sql`case when ${revived} then 0 else ${sessions.messageCount} end + ${batch.length}`,
          tokenCount: sql`case when ${revived} then 0 else ${sessions.tokenCount} end + ${batchTokens}`,
          userId: sql`case when ${revived} then null else ${sessions.userId} end`,
          metadata: sql`case when ${revived} then '{}'::jsonb else ${sessions.metadata} end`,
          memoryType: sql`case when ${revived} then null else ${sessions.memoryType} end`,
          createdAt: sql`case when ${revived} then now() else ${sessions.createdAt} end`,
          lastMessageAt: sql`now()`,
          updatedAt: sql`now()`,
          deletedAt: null,
        },
      })
      .returning({ id: sessions.id, messageSeq: sessions.messageSeq });
    const firstSeq = session!.messageSeq - batch.length + 1;

    // Rows go in uuid order (seq keeps the batch's order), so batches sharing uuids lock them in
    // the same order and cannot deadlock.
    const rows = batch
      .map((message, index) => ({ ...message, sessionPk: session!.id, seq: firstSeq + index }))
      .sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
    const stored = await tx
      .insert(messages)
      .values(rows)
      .onConflictDoNothing({ target: messages.uuid, where: sql`${messages.deletedAt} is null` })
      .returning({ uuid: messages.uuid, tokenCount: messages.tokenCount });

    if (stored.length < batch.length) {
      const storedUuids = new Set(stored.map((message) => message.uuid));
      const skipped = batch.filter((message) => !storedUuids.has(message.uuid));
      const [elsewhere] = await tx
        .select({ uuid: messages.uuid })
        .from(messages)
        .where(
          and(
            inArray(
              messages.uuid,
              skipped.map((message) => message.uuid),
            ),
            isNull(messages.deletedAt),
            ne(messages.sessionPk, session!.id),
          ),
        )
        .limit(1);
      if (elsewhere) {
        throw new AppError("CONFLICT", `message uuid ${elsewhere.uuid} already belongs to another session`);
      }
      const skippedTokens = skipped.reduce((sum, message) => sum + message.tokenCount, 0);
      await tx
        .update(sessions)
        .set({
          messageCount: sql`${sessions.messageCount} - ${skipped.length}`,
          tokenCount: sql`${sessions.tokenCount} - ${skippedTokens}`,
        })
        .where(eq(sessions.id, session!.id));
    }

    return {
      session_id: sessionId,
      added: stored.length,
      message_uuids: batch.map((message) => message.uuid),
    };
  });
}

/** Soft-deletes the session with its messages and summaries. */
export const deleteMemory = deleteSession;

/** The memory for a session's next prompt, per SPEC "Memory semantics". */
export async function getMemory(
  db: Queryable,
  sessionId: string,
  rawOptions: GetMemoryOptions = {},
): Promise<Memory> {
  const options = getMemoryOptions.parse(rawOptions);
  const window = config().ENGRAM_MEMORY_WINDOW;

  let session: SessionRow;
  let summary: SummaryRow | undefined;
  let recent: MessageRow[] | undefined;
  let relevant: SummaryRow[] | undefined;
  /** The messages after the summary were read with the window as their limit. */
  let windowLimited = false;

  // The common case, the latest summary and the messages after it, is read with the session in
  // one statement; the session's own memory type, known only then, may ask for more.
  if (options.lastn === undefined && options.memoryType !== "summary_retriever") {
    windowLimited = options.memoryType !== "perpetual";
    const rows = await memoryWindowStatement(db, windowLimited).execute({ sessionId, limit: window });
    if (!rows[0]) throw notFound(`session ${JSON.stringify(sessionId)}`);
    session = rows[0].session;
    summary = rows[0].summary ?? undefined;
    recent = rows.flatMap((row) => (row.message ? [row.message] : [])).reverse();
  } else {
    session = await requireSession(db, sessionId);
  }
  const memoryType: MemoryType = options.memoryType ?? session.memoryType ?? "message_window";

  if (memoryType === "perpetual") {
    if (options.lastn !== undefined) {
      recent = await newestMessages(db, session, { limit: options.lastn });
      summary = await latestSummary(db, session.id, recent[0]?.seq);
    } else if (windowLimited && recent!.length === window) {
      // Read with the window's limit (the type came from the session): there may be more.
      recent = await newestMessages(db, session, { afterSeq: summary?.recentMessageSeq });
    }
  } else if (memoryType === "summary_retriever") {
    recent = await newestMessages(db, session, { limit: options.lastn ?? window });
    relevant = await relevantSummaries(db, session.id, recent, 3);
    summary = relevant[0];
  } else if (options.lastn !== undefined) {
    recent = await newestMessages(db, session, { limit: options.lastn });
    summary = await latestSummary(db, session.id);
  }
  if (recent === undefined) throw new Error("unreachable: no messages read");
  let known = await relevantFacts(db, ownerOfSession(session), recent, {
    minRating: options.minRating,
    limit: RELEVANT_FACTS,
  });

  if (options.maxTokens !== undefined) {
    ({ summary, recent, known } = fitTokenBudget(options.maxTokens, summary, recent, known));
  }

  return {
    messages: recent.map(toMessage),
    ...(summary && { summary: toSummary(summary) }),
    ...(relevant && { relevant_summaries: relevant.map(toSummary) }),
    memory_type: memoryType,
    relevant_facts: known.map(toFact),
    facts: known.map(({ row }) => row.fact),
    ...(options.includeContext && {
      context: memoryContext(summary ? (relevant ?? [summary]) : [], recent, known),
    }),
  };
}

/** Most facts returned with memory. */
const RELEVANT_FACTS = 10;

/** Facts, summaries and recent turns as one block of text, ready to put into a prompt. */
export function memoryContext(
  summaryRows: SummaryRow[],
  recent: MessageRow[],
  known: FactRecord[] = [],
): string {
  const parts: string[] = [];
  if (known.length > 0) parts.push(`What is known:\n${known.map(({ row }) => `- ${row.fact}`).join("\n")}`);
  if (summaryRows.length === 1) parts.push(`Summary of the conversation so far:\n${summaryRows[0]!.content}`);
  if (summaryRows.length > 1) {
    parts.push(
      `Summaries of earlier parts of the conversation:\n${summaryRows.map((row) => `- ${row.content}`).join("\n")}`,
    );
  }
  if (recent.length > 0) {
    const turns = recent.map((message) => {
      const speaker = message.roleType === "norole" ? message.role : `${message.role} (${message.roleType})`;
      return `${speaker}: ${message.content}`;
    });
    parts.push(`Recent messages:\n${turns.join("\n")}`);
  }
  return parts.join("\n\n");
}

interface NewestMessagesRange {
  afterSeq?: number;
  limit?: number;
}

/** The query for a session's newest live messages, newest first (exported so tests can check its plan). */
export function newestMessagesQuery(
  db: Queryable,
  sessionPk: number,
  { afterSeq, limit }: NewestMessagesRange,
) {
  const query = db
    .select()
    .from(messages)
    .where(and(liveMessages(sessionPk), afterSeq === undefined ? undefined : gt(messages.seq, afterSeq)))
    .orderBy(desc(messages.seq));
  return limit === undefined ? query : query.limit(limit);
}

/**
 * The live session `sessionId` with its latest summary and its newest live messages after that
 * summary (at most `limit`), in one statement: one row per message, newest first, or one row
 * without a message when there is none; no row when the session does not exist.
 */
export function memoryWindowQuery(
  db: Queryable,
  sessionId: string | Placeholder,
  limit: number | Placeholder | undefined,
) {
  const latest = db
    .select()
    .from(summaries)
    .where(liveSummaries(sessions.id))
    .orderBy(desc(summaries.recentMessageSeq), desc(summaries.id))
    .limit(1)
    .as("latest");
  const after = db
    .select()
    .from(messages)
    .where(and(liveMessages(sessions.id), gt(messages.seq, sql`coalesce(${latest.recentMessageSeq}, 0)`)))
    .orderBy(desc(messages.seq));
  const recent = (limit === undefined ? after : after.limit(limit)).as("recent");
  return db
    .select({ session: sessions, summary: fieldsOf(latest), message: fieldsOf(recent) })
    .from(sessions)
    .leftJoinLateral(latest, sql`true`)
    .leftJoinLateral(recent, sql`true`)
    .where(and(eq(sessions.sessionId, sessionId), isNull(sessions.deletedAt)))
    .orderBy(desc(recent.seq));
}

/** `memoryWindowQuery`, prepared: with a limit (`limit` given at execution) or without. */
export function memoryWindowStatement(db: Queryable, limited: boolean) {
  return preparedStatement(db, limited ? "memory_window" : "memory_window_unlimited", () =>
    memoryWindowQuery(
      db,
      sql.placeholder("sessionId"),
      limited ? sql.placeholder("limit") : undefined,
    ).prepare(limited ? "memory_window" : "memory_window_unlimited"),
  );
}

/** The newest live messages (after `afterSeq`, at most `limit`), oldest first. */
async function newestMessages(
  db: Queryable,
  session: SessionRow,
  range: NewestMessagesRange,
): Promise<MessageRow[]> {
  if (range.limit === 0) return [];
  const rows = await newestMessagesQuery(db, session.id, range);
  return rows.reverse();
}

/**
 * Drops the oldest messages and the least relevant facts until summary, facts and messages fit.
 * A summary too large on its own is dropped instead, so the newest messages that fit still come
 * back. Facts may take half of what the summary leaves; messages then take what they need, and
 * facts fill what is still free.
 */
function fitTokenBudget(
  maxTokens: number,
  summary: SummaryRow | undefined,
  recent: MessageRow[],
  known: FactRecord[],
) {
  if (summary && summary.tokenCount > maxTokens) summary = undefined;
  let total = summary?.tokenCount ?? 0;
  const kept = new Set<FactRecord>();
  const takeFacts = (limit: number) => {
    for (const record of known) {
      if (kept.has(record) || total + record.row.tokenCount > limit) continue;
      kept.add(record);
      total += record.row.tokenCount;
    }
  };
  takeFacts(total + Math.floor((maxTokens - total) / 2));
  let keepFrom = recent.length;
  while (keepFrom > 0 && total + recent[keepFrom - 1]!.tokenCount <= maxTokens) {
    keepFrom -= 1;
    total += recent[keepFrom]!.tokenCount;
  }
  takeFacts(maxTokens);
  return { summary, recent: recent.slice(keepFrom), known: known.filter((record) => kept.has(record)) };
}
