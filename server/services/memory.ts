import { and, desc, eq, gt, inArray, isNull, ne, type Placeholder, sql } from "drizzle-orm";
import { type Db, type Queryable, queryRows } from "@/db/client";
import {
  facts,
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
import { embedderFromConfig } from "../providers/embeddings";
import { countTokens } from "../providers/tokenizer";
import type { AddMemoryInput, AddMemoryResult, GetMemoryOptions, Memory } from "../schemas/memory";
import { relevantSummaries } from "./enrichment";
import { relevantFacts } from "./factRanking";
import { type FactRecord, ownerOfSession, toFact } from "./facts";
import { liveMessages, type MessageFields, messageFields, toMessage } from "./messages";
import { type Actor, assertCallerMetadata } from "./metadata";
import { fieldsOf, preparedStatement } from "./query";
import { deleteSession, requireSession } from "./sessions";
import { latestSummary, liveSummaries, toSummary } from "./summaries";

/**
 * Stores a batch (a JSON array of rows numbered from 1 by `position`) in one statement. It claims
 * the batch's positions in the session, creating the session or reviving a deleted one (which
 * starts over empty, its positions kept); the row stays locked until commit, so concurrent batches
 * on one session queue up and each lands contiguous. The messages go in uuid order (seq keeps the
 * batch's order), so batches sharing uuids lock them in the same order and cannot deadlock; a uuid
 * already stored is skipped. It answers the session's row id and the uuids stored (JSON text).
 *
 * SQL with the values as parameters: built with the query builder (a column and a value at a time,
 * on every request) the two inserts cost the request more CPU than Postgres spends running them,
 * and one statement is one round trip.
 */
const storeBatch = (sessionId: string, count: number, tokens: number, rows: string) => sql`
  with claimed as (
    insert into sessions as s (session_id, message_seq, message_count, token_count, last_message_at)
    values (${sessionId}, ${count}, ${count}, ${tokens}, now())
    on conflict (session_id) do update set
      message_seq = s.message_seq + excluded.message_seq,
      summarized_seq = case when s.deleted_at is not null then s.message_seq else s.summarized_seq end,
      message_count = case when s.deleted_at is not null then 0 else s.message_count end + excluded.message_count,
      token_count = case when s.deleted_at is not null then 0 else s.token_count end + excluded.token_count,
      user_id = case when s.deleted_at is not null then null else s.user_id end,
      metadata = case when s.deleted_at is not null then '{}'::jsonb else s.metadata end,
      memory_type = case when s.deleted_at is not null then null else s.memory_type end,
      created_at = case when s.deleted_at is not null then now() else s.created_at end,
      last_message_at = now(),
      updated_at = now(),
      deleted_at = null
    returning s.id, s.message_seq
  ),
  stored as (
    insert into messages (session_pk, seq, uuid, role, role_type, content, metadata, token_count)
    select c.id, c.message_seq - ${count}::bigint + m.position, m.uuid, m.role, m.role_type, m.content,
      coalesce(m.metadata, '{}'::jsonb), m.token_count
    from claimed as c
    cross join jsonb_to_recordset(${rows}::jsonb)
      as m(position bigint, uuid uuid, role text, role_type text, content text, metadata jsonb, token_count integer)
    order by m.uuid
    on conflict (uuid) where deleted_at is null do nothing
    returning uuid
  )
  select c.id, (select coalesce(json_agg(uuid), '[]'::json) from stored)::text as stored
  from claimed as c`;

/**
 * Appends a batch of messages to a session, creating the session (or reviving a deleted one) as
 * needed. The batch is stored in one transaction, in its own order, right after the session's
 * newest message; a message whose uuid is already stored in the session is skipped. `sessionId`
 * and `input` come validated from the edge (`sessionIdSchema`, `addMemoryInput`).
 */
export async function addMemory(
  db: Db,
  sessionId: string,
  input: AddMemoryInput,
  _actor: Actor,
): Promise<AddMemoryResult> {
  const batch = input.messages.map((message) => ({
    uuid: message.uuid?.toLowerCase() ?? crypto.randomUUID(),
    role: message.role,
    roleType: message.role_type ?? "norole",
    content: message.content,
    metadata: assertCallerMetadata(message.metadata),
    tokenCount: countTokens(message.content),
  }));
  const batchTokens = batch.reduce((sum, message) => sum + message.tokenCount, 0);

  const rows = batch.map((message, index) => ({
    position: index + 1,
    uuid: message.uuid,
    role: message.role,
    role_type: message.roleType,
    content: message.content,
    metadata: message.metadata,
    token_count: message.tokenCount,
  }));

  return db.transaction(async (tx) => {
    const [result] = await queryRows<{ id: string | number; stored: string }>(
      tx,
      storeBatch(sessionId, batch.length, batchTokens, JSON.stringify(rows)),
    );
    const sessionPk = Number(result!.id);
    const stored = JSON.parse(result!.stored) as string[];

    if (stored.length < batch.length) {
      const storedUuids = new Set(stored);
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
            ne(messages.sessionPk, sessionPk),
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
        .where(eq(sessions.id, sessionPk));
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

/** The session columns get memory needs. */
const memorySessionFields = { id: sessions.id, userId: sessions.userId, memoryType: sessions.memoryType };
type MemorySession = Pick<SessionRow, keyof typeof memorySessionFields>;

/** The summary columns memory answers with and budgets by (not its embedding or search vector). */
const memorySummaryFields = {
  uuid: summaries.uuid,
  createdAt: summaries.createdAt,
  content: summaries.content,
  recentMessageUuid: summaries.recentMessageUuid,
  recentMessageSeq: summaries.recentMessageSeq,
  metadata: summaries.metadata,
  tokenCount: summaries.tokenCount,
};
type MemorySummary = Pick<SummaryRow, keyof typeof memorySummaryFields>;

/** A message as memory reads it: with its stored embedding only when embeddings rank facts and summaries. */
type MemoryMessage = MessageFields & { embedding?: number[] | null };

/** `messageFields`, with the embedding when an embedder is configured (`embedded`). */
const memoryMessageFields = (embedded: boolean) =>
  embedded ? { ...messageFields, embedding: messages.embedding } : messageFields;

/** The memory for a session's next prompt, per SPEC "Memory semantics" (`options` validated at the edge). */
export async function getMemory(
  db: Queryable,
  sessionId: string,
  options: GetMemoryOptions = {},
): Promise<Memory> {
  const window = config().ENGRAM_MEMORY_WINDOW;
  const embedded = embedderFromConfig() !== undefined;

  let session: MemorySession;
  let summary: MemorySummary | undefined;
  let recent: MemoryMessage[] | undefined;
  let relevant: SummaryRow[] | undefined;
  /** The messages after the summary were read with the window as their limit. */
  let windowLimited = false;
  /** Whether the session's owner has valid facts to rank (unknown until read). */
  let hasFacts = true;

  // The common case, the latest summary and the messages after it, is read with the session in
  // one statement; the session's own memory type, known only then, may ask for more.
  if (options.lastn === undefined && options.memoryType !== "summary_retriever") {
    windowLimited = options.memoryType !== "perpetual";
    const rows = await memoryWindowStatement(db, windowLimited, embedded).execute({
      sessionId,
      limit: window,
    });
    if (!rows[0]) throw notFound(`session ${JSON.stringify(sessionId)}`);
    session = rows[0].session;
    summary = rows[0].summary ?? undefined;
    hasFacts = rows[0].hasFacts;
    recent = rows[0].messages;
  } else {
    session = await requireSession(db, sessionId);
  }
  const memoryType: MemoryType = options.memoryType ?? session.memoryType ?? "message_window";
  const newest = (range: NewestMessagesRange) => newestMessages(db, session.id, range, embedded);

  if (memoryType === "perpetual") {
    if (options.lastn !== undefined) {
      recent = await newest({ limit: options.lastn });
      summary = await latestSummary(db, session.id, recent[0]?.seq);
    } else if (windowLimited && recent!.length === window) {
      // Read with the window's limit (the type came from the session): there may be more.
      recent = await newest({ afterSeq: summary?.recentMessageSeq });
    }
  } else if (memoryType === "summary_retriever") {
    recent = await newest({ limit: options.lastn ?? window });
    relevant = await relevantSummaries(db, session.id, recent, 3);
    summary = relevant[0];
  } else if (options.lastn !== undefined) {
    recent = await newest({ limit: options.lastn });
    summary = await latestSummary(db, session.id);
  }
  if (recent === undefined) throw new Error("unreachable: no messages read");
  let known = hasFacts
    ? await relevantFacts(db, ownerOfSession(session), recent, {
        minRating: options.minRating,
        limit: RELEVANT_FACTS,
      })
    : [];

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
  summaryRows: Pick<SummaryRow, "content">[],
  recent: Pick<MessageRow, "role" | "roleType" | "content">[],
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
  embedded = false,
) {
  const query = db
    .select(memoryMessageFields(embedded) as typeof messageFields)
    .from(messages)
    .where(and(liveMessages(sessionPk), afterSeq === undefined ? undefined : gt(messages.seq, afterSeq)))
    .orderBy(desc(messages.seq));
  return limit === undefined ? query : query.limit(limit);
}

const ONE = sql`1`;

/**
 * The live session `sessionId` with its latest summary and its newest live messages after that
 * summary (at most `limit`, oldest first), in one statement: one row, or none when the session
 * does not exist. The row also says whether the session's owner has valid facts.
 */
export function memoryWindowQuery(
  db: Queryable,
  sessionId: string | Placeholder,
  limit: number | Placeholder | undefined,
  embedded = false,
) {
  const latest = db
    .select(memorySummaryFields)
    .from(summaries)
    .where(liveSummaries(sessions.id))
    .orderBy(desc(summaries.recentMessageSeq), desc(summaries.id))
    // A literal limit (Drizzle binds numbers as parameters): with `limit $n` Postgres could not
    // cost a generic plan for the prepared statement and planned every execution again (0.4 ms).
    .limit(ONE as unknown as number)
    .as("latest");
  const after = db
    .select(memoryMessageFields(embedded) as typeof messageFields)
    .from(messages)
    .where(and(liveMessages(sessions.id), gt(messages.seq, sql`coalesce(${latest.recentMessageSeq}, 0)`)))
    .orderBy(desc(messages.seq));
  const recent = (limit === undefined ? after : after.limit(limit)).as("recent");
  // The messages as one JSON array of `MemoryMessage`s, oldest first, built by Postgres: a row per
  // message mapped into objects cost the server more than the whole statement costs the database.
  const fields = fieldsOf(recent) as Record<string, unknown>;
  const messageObject = sql.join(
    // The keys are this code's own field names.
    Object.keys(fields).map((key) => sql`${sql.raw(`'${key}'`)}, ${fields[key]}`),
    sql`, `,
  );
  const recentList = db
    .select({
      list: sql<
        MemoryMessage[]
      >`coalesce(json_agg(json_build_object(${messageObject}) order by ${recent.seq}), '[]'::json)`.as(
        "list",
      ),
    })
    .from(recent)
    .as("recent_list");
  // Whether the session's fact owner (its user, else the session itself) has any valid fact, so
  // that get memory ranks facts only where there are some. A lateral join read once per session:
  // as a subquery in the select list it made Postgres plan the statement again on every call.
  const ownerFact = db
    .select({ found: sql<boolean>`true`.as("found") })
    .from(facts)
    .where(
      and(
        isNull(facts.invalidAt),
        isNull(facts.deletedAt),
        sql`(${facts.userId} = ${sessions.userId}
          or (${sessions.userId} is null and ${facts.userId} is null and ${facts.sessionPk} = ${sessions.id}))`,
      ),
    )
    .limit(ONE as unknown as number)
    .as("owner_fact");
  return db
    .select({
      session: memorySessionFields,
      summary: fieldsOf(latest),
      messages: recentList.list,
      hasFacts: sql<boolean>`${ownerFact.found} is not null`,
    })
    .from(sessions)
    .leftJoinLateral(ownerFact, sql`true`)
    .leftJoinLateral(latest, sql`true`)
    .leftJoinLateral(recentList, sql`true`)
    .where(and(eq(sessions.sessionId, sessionId), isNull(sessions.deletedAt)));
}

/**
 * `memoryWindowQuery`, prepared: with a limit (`limit` given at execution) or without, and with
 * the messages' embeddings or without.
 */
export function memoryWindowStatement(db: Queryable, limited: boolean, embedded = false) {
  const name = `memory_window${limited ? "" : "_unlimited"}${embedded ? "_embedded" : ""}`;
  return preparedStatement(db, name, () =>
    memoryWindowQuery(
      db,
      sql.placeholder("sessionId"),
      limited ? sql.placeholder("limit") : undefined,
      embedded,
    ).prepare(name),
  );
}

/** The newest live messages (after `afterSeq`, at most `limit`), oldest first. */
async function newestMessages(
  db: Queryable,
  sessionPk: number,
  range: NewestMessagesRange,
  embedded: boolean,
): Promise<MemoryMessage[]> {
  if (range.limit === 0) return [];
  const rows = await newestMessagesQuery(db, sessionPk, range, embedded);
  return rows.reverse();
}

/**
 * Drops the oldest messages and the least relevant facts until summary, facts and messages fit.
 * A summary too large on its own is dropped instead, so the newest messages that fit still come
 * back. Facts may take half of what the summary leaves; messages then take what they need, and
 * facts fill what is still free.
 */
function fitTokenBudget<M extends Pick<MessageRow, "tokenCount">>(
  maxTokens: number,
  summary: MemorySummary | undefined,
  recent: M[],
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
