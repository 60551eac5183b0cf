import { and, asc, desc, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { type MessageRow, messages } from "@/db/schema";
import { notFound } from "../errors";
import { uuidSchema } from "../schemas/common";
import {
  type ListMessagesInput,
  listMessagesInput,
  type Message,
  type MessagePageInput,
  messagePageInput,
  type UpdateMessageInput,
  updateMessageInput,
} from "../schemas/messages";
import { type Actor, mergeCallerMetadata, recordMetadataChange } from "./metadata";
import { requireSession } from "./sessions";

export function toMessage(row: MessageRow): Message {
  return {
    uuid: row.uuid,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    role: row.role,
    role_type: row.roleType,
    content: row.content,
    metadata: row.metadata,
    token_count: row.tokenCount,
  };
}

const live = (sessionPk: number) => and(eq(messages.sessionPk, sessionPk), isNull(messages.deletedAt));

/** A session's messages in order, a page at a time (keyset on position), either direction. */
export async function listMessages(db: Queryable, sessionId: string, rawInput: ListMessagesInput = {}) {
  const input = listMessagesInput.parse(rawInput);
  const session = await requireSession(db, sessionId);
  const forward = input.direction === "forward";
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        live(session.id),
        input.cursor === undefined
          ? undefined
          : forward
            ? gt(messages.seq, input.cursor)
            : lt(messages.seq, input.cursor),
      ),
    )
    .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    messages: page.map((row) => ({ ...toMessage(row), position: row.seq })),
    next_cursor: rows.length > input.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Zep's paging: a 1-based page number, with the session's total message count. */
export async function listMessagePage(db: Queryable, sessionId: string, rawInput: MessagePageInput = {}) {
  const input = messagePageInput.parse(rawInput);
  const session = await requireSession(db, sessionId);
  const rows = await db
    .select()
    .from(messages)
    .where(live(session.id))
    .orderBy(asc(messages.seq))
    .limit(input.limit)
    .offset((input.page - 1) * input.limit);
  return { messages: rows.map(toMessage), total_count: session.messageCount, row_count: rows.length };
}

async function requireMessage(db: Queryable, sessionPk: number, messageUuid: string, lock = false) {
  const uuid = uuidSchema.safeParse(messageUuid);
  if (!uuid.success) throw notFound(`message ${JSON.stringify(messageUuid)}`);
  const query = db
    .select()
    .from(messages)
    .where(and(live(sessionPk), eq(messages.uuid, uuid.data)));
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
  rawInput: UpdateMessageInput,
  actor: Actor,
): Promise<Message> {
  const input = updateMessageInput.parse(rawInput);
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
