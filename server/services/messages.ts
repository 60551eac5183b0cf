import { and, asc, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import { type MessageRow, messages, type SessionRow, sessions } from "@/db/schema";
import { notFound } from "../errors";
import { uuidSchema } from "../schemas/common";
import type { ListMessagesInput, Message, MessagePageInput, UpdateMessageInput } from "../schemas/messages";
import { invalidateFactsWithoutSources } from "./factSources";
import { type Actor, mergeCallerMetadata, recordMetadataChange } from "./metadata";
import { fieldsOf, preparedStatement } from "./query";
import { requireSession } from "./sessions";

/**
 * The columns a message is answered with, and its position: not its embedding or search vector,
 * which are large and which reading a conversation never needs.
 */
export const messageFields = {
  uuid: messages.uuid,
  seq: messages.seq,
  role: messages.role,
  roleType: messages.roleType,
  content: messages.content,
  metadata: messages.metadata,
  tokenCount: messages.tokenCount,
  createdAt: isoTime(messages.createdAt, "created_iso"),
  updatedAt: isoTime(messages.updatedAt, "updated_iso"),
};
export type MessageFields = Pick<
  MessageRow,
  Exclude<keyof typeof messageFields, "createdAt" | "updatedAt">
> & {
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it. */
  createdAt: string;
  updatedAt: string;
};

/**
 * A timestamp as the API writes it (`Date.toISOString`: UTC, milliseconds), formatted by Postgres:
 * reading it as a Date only to write it out again costs the server more than the database. The
 * alias must be unique in any statement that reads the field from a subquery (it is named bare).
 */
export function isoTime(column: AnyPgColumn, alias: string) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as(alias);
}

/** A message as read by `messageFields` (times already ISO text), or a whole row (times as Dates). */
export type MessageLike = Omit<MessageFields, "createdAt" | "updatedAt"> & {
  createdAt: string | Date;
  updatedAt: string | Date;
};

const iso = (time: string | Date) => (typeof time === "string" ? time : time.toISOString());

export function toMessage(row: MessageLike): Message {
  return {
    uuid: row.uuid,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    role: row.role,
    role_type: row.roleType,
    content: row.content,
    metadata: row.metadata,
    token_count: row.tokenCount,
  };
}

/** The live messages of a session: by its key, or by a session column of the enclosing query. */
export const liveMessages = (sessionPk: number | AnyPgColumn) =>
  and(eq(messages.sessionPk, sessionPk), isNull(messages.deletedAt));

interface MessageRange {
  /** Positions after (forward) or before (backward) this one. */
  cursor?: number;
  forward: boolean;
  limit: number;
  offset?: number;
}

/** A page of the live session's live messages, read with the session in one prepared statement. */
function sessionWithMessagesStatement(db: Queryable, forward: boolean, fromCursor: boolean) {
  const name = `session_messages_${forward ? "forward" : "backward"}${fromCursor ? "_from_cursor" : ""}`;
  return preparedStatement(db, name, () => {
    const order = forward ? asc : desc;
    const cursor = sql.placeholder("cursor");
    const page = db
      .select(messageFields)
      .from(messages)
      .where(
        and(
          liveMessages(sessions.id),
          fromCursor ? (forward ? gt(messages.seq, cursor) : lt(messages.seq, cursor)) : undefined,
        ),
      )
      .orderBy(order(messages.seq))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .as("page");
    return db
      .select({ session: { messageCount: sessions.messageCount }, message: fieldsOf(page) })
      .from(sessions)
      .leftJoinLateral(page, sql`true`)
      .where(and(eq(sessions.sessionId, sql.placeholder("sessionId")), isNull(sessions.deletedAt)))
      .orderBy(order(page.seq))
      .prepare(name);
  });
}

/**
 * The live session `sessionId` with a page of its live messages, in one statement. Undefined when
 * the session does not exist.
 */
export async function sessionWithMessages(
  db: Queryable,
  sessionId: string,
  range: MessageRange,
): Promise<{ session: Pick<SessionRow, "messageCount">; messages: MessageFields[] } | undefined> {
  const rows = await sessionWithMessagesStatement(db, range.forward, range.cursor !== undefined).execute({
    sessionId,
    cursor: range.cursor,
    limit: range.limit,
    offset: range.offset ?? 0,
  });
  if (!rows[0]) return undefined;
  return { session: rows[0].session, messages: rows.flatMap((row) => (row.message ? [row.message] : [])) };
}

/** A session's messages in order, a page at a time (keyset on position), either direction. */
/** `input` comes validated from the edge, as do those of the other functions here. */
export async function listMessages(db: Queryable, sessionId: string, input: ListMessagesInput) {
  const found = await sessionWithMessages(db, sessionId, {
    cursor: input.cursor,
    forward: input.direction === "forward",
    limit: input.limit + 1,
  });
  if (!found) throw notFound(`session ${JSON.stringify(sessionId)}`);
  const page = found.messages.slice(0, input.limit);
  return {
    messages: page.map((row) => ({ ...toMessage(row), position: row.seq })),
    next_cursor: found.messages.length > input.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Zep's paging: a 1-based page number, with the session's total message count. */
export async function listMessagePage(db: Queryable, sessionId: string, input: MessagePageInput) {
  const found = await sessionWithMessages(db, sessionId, {
    forward: true,
    limit: input.limit,
    offset: (input.page - 1) * input.limit,
  });
  if (!found) throw notFound(`session ${JSON.stringify(sessionId)}`);
  return {
    messages: found.messages.map(toMessage),
    total_count: found.session.messageCount,
    row_count: found.messages.length,
  };
}

async function requireMessage(db: Queryable, sessionPk: number, messageUuid: string, lock = false) {
  // A lookup, not validation: a non-UUID names no message (404), and Postgres's uuid cast would refuse it.
  const uuid = uuidSchema.safeParse(messageUuid);
  if (!uuid.success) throw notFound(`message ${JSON.stringify(messageUuid)}`);
  const query = db
    .select()
    .from(messages)
    .where(and(liveMessages(sessionPk), eq(messages.uuid, uuid.data)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound(`message ${messageUuid}`);
  return row;
}

export async function getMessage(db: Queryable, sessionId: string, messageUuid: string): Promise<Message> {
  const session = await requireSession(db, sessionId);
  return toMessage(await requireMessage(db, session.id, messageUuid));
}

/** Merges metadata into a message; content and token count stay as they are. */
export async function updateMessage(
  db: Db,
  sessionId: string,
  messageUuid: string,
  input: UpdateMessageInput,
  actor: Actor,
): Promise<Message> {
  return db.transaction(async (tx) => {
    const session = await requireSession(tx, sessionId);
    const current = await requireMessage(tx, session.id, messageUuid, true);
    const metadata = mergeCallerMetadata(current.metadata, input.metadata, input.remove_metadata_keys);
    const [updated] = await tx
      .update(messages)
      .set({ metadata, updatedAt: new Date() })
      .where(eq(messages.id, current.id))
      .returning();
    await recordMetadataChange(tx, {
      entityType: "message",
      entityId: current.uuid,
      actor,
      before: current.metadata,
      after: metadata,
    });
    return toMessage(updated!);
  });
}

/**
 * Soft-deletes one message; the facts it was the only source of stop being valid. Summaries that
 * folded it in stay as they are.
 */
export async function deleteMessage(
  db: Db,
  sessionId: string,
  messageUuid: string,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const session = await requireSession(tx, sessionId, true);
    const current = await requireMessage(tx, session.id, messageUuid, true);
    await tx.update(messages).set({ deletedAt: sql`now()` }).where(eq(messages.id, current.id));
    await tx
      .update(sessions)
      .set({
        messageCount: sql`greatest(${sessions.messageCount} - 1, 0)`,
        tokenCount: sql`greatest(${sessions.tokenCount} - ${current.tokenCount}, 0)`,
        updatedAt: sql`now()`,
      })
      .where(eq(sessions.id, session.id));
    await invalidateFactsWithoutSources(tx, sql`array[${current.uuid}]::uuid[]`, actor);
  });
}
