import { and, asc, desc, eq, gt, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Queryable } from "@/db/client";
import { type MessageRow, messages, sessions } from "@/db/schema";
import { notFound } from "../errors";
import { uuidSchema } from "../schemas/common";
import type { ListMessagesInput, Message, MessagePageInput, UpdateMessageInput } from "../schemas/messages";
import { invalidateFactsWithoutSources } from "./factSources";
import { type Actor, mergeCallerMetadata, recordMetadataChange } from "./metadata";
import { preparedStatement } from "./query";
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
  return isoText(column).as(alias);
}

/** A timestamp as ISO text (see `isoTime`). */
function isoText(time: SQL | AnyPgColumn) {
  return sql<string>`to_char(${time} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
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

/** The columns `messageJson` reads from a subquery's row, under the names it reads them by. */
export const messageJsonColumns = {
  uuid: messages.uuid,
  seq: messages.seq,
  role: messages.role,
  role_type: messages.roleType,
  content: messages.content,
  metadata: messages.metadata,
  token_count: messages.tokenCount,
  created_at: messages.createdAt,
  updated_at: messages.updatedAt,
};

/**
 * A message in the API's shape, built by Postgres (`toMessage`'s keys, in its order, with the
 * position last when asked for): reading the columns into objects and writing them out again
 * cost the server twice what this costs the database.
 */
export function messageJson(row: SQL, withPosition: boolean): SQL {
  const column = (name: string) => sql`${row}.${sql.identifier(name)}`;
  return sql`json_build_object('uuid', ${column("uuid")}, 'created_at', ${isoText(column("created_at"))},
    'updated_at', ${isoText(column("updated_at"))}, 'role', ${column("role")}, 'role_type', ${column("role_type")},
    'content', ${column("content")}, 'metadata', ${column("metadata")}, 'token_count', ${column("token_count")}
    ${withPosition ? sql`, 'position', ${column("seq")}` : sql``})`;
}

/**
 * A page of the live session's live messages as the API answers them, read with the session in
 * one prepared statement.
 */
function sessionWithMessagesStatement(
  db: Queryable,
  forward: boolean,
  fromCursor: boolean,
  withPosition: boolean,
) {
  const name = `session_messages_${forward ? "forward" : "backward"}${fromCursor ? "_from_cursor" : ""}${withPosition ? "_positions" : ""}`;
  return preparedStatement(db, name, () => {
    const direction = forward ? sql`asc` : sql`desc`;
    const cursor = sql.placeholder("cursor");
    const page = db
      .select(messageJsonColumns)
      .from(messages)
      .where(
        and(
          liveMessages(sessions.id),
          fromCursor ? (forward ? gt(messages.seq, cursor) : lt(messages.seq, cursor)) : undefined,
        ),
      )
      .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"));
    const row = sql.identifier("page");
    const list = sql<Message[] | (Message & { position: number })[]>`(
      select coalesce(json_agg(${messageJson(sql`${row}`, withPosition)} order by ${row}.seq ${direction}), '[]'::json)
        from (${page}) as ${row})`;
    return db
      .select({ messageCount: sessions.messageCount, messages: list.as("messages") })
      .from(sessions)
      .where(and(eq(sessions.sessionId, sql.placeholder("sessionId")), isNull(sessions.deletedAt)))
      .prepare(name);
  });
}

interface MessageRange {
  /** Positions after (forward) or before (backward) this one. */
  cursor?: number;
  forward: boolean;
  limit: number;
  offset?: number;
  /** Each message with its position (tRPC's list), or in Zep's shape. */
  withPosition: boolean;
}

/**
 * The live session `sessionId`'s message count and a page of its live messages as the API answers
 * them, in one statement. Undefined when the session does not exist.
 */
export async function sessionWithMessages(db: Queryable, sessionId: string, range: MessageRange) {
  const [found] = await sessionWithMessagesStatement(
    db,
    range.forward,
    range.cursor !== undefined,
    range.withPosition,
  ).execute({ sessionId, cursor: range.cursor, limit: range.limit, offset: range.offset ?? 0 });
  return found;
}

/** A session's messages in order, a page at a time (keyset on position), either direction. */
/** `input` comes validated from the edge, as do those of the other functions here. */
export async function listMessages(db: Queryable, sessionId: string, input: ListMessagesInput) {
  const found = await sessionWithMessages(db, sessionId, {
    forward: input.direction === "forward",
    cursor: input.cursor,
    limit: input.limit + 1,
    withPosition: true,
  });
  if (!found) throw notFound(`session ${JSON.stringify(sessionId)}`);
  const rows = found.messages as (Message & { position: number })[];
  const page = rows.length > input.limit ? rows.slice(0, input.limit) : rows;
  return {
    messages: page,
    next_cursor: rows.length > input.limit ? page[page.length - 1]!.position : null,
  };
}

/** Zep's paging: a 1-based page number, with the session's total message count. */
export async function listMessagePage(db: Queryable, sessionId: string, input: MessagePageInput) {
  const found = await sessionWithMessages(db, sessionId, {
    forward: true,
    limit: input.limit,
    offset: (input.page - 1) * input.limit,
    withPosition: false,
  });
  if (!found) throw notFound(`session ${JSON.stringify(sessionId)}`);
  const page = found.messages as Message[];
  return { messages: page, total_count: found.messageCount, row_count: page.length };
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
