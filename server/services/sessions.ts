import { and, asc, count, desc, eq, gt, isNull, type Placeholder, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { messages, type SessionRow, sessions, summaries } from "@/db/schema";
import { AppError, invalid, notFound } from "../errors";
import type {
  CreateSessionInput,
  ListSessionsInput,
  ListSessionsOrderedInput,
  Session,
  SessionList,
  SetSessionUserInput,
  UpdateSessionInput,
} from "../schemas/sessions";
import { invalidateFactsWithoutSources, moveSessionFactsToUser, sessionMessageUuids } from "./factSources";
import { type Actor, assertCallerMetadata, mergeCallerMetadata, recordMetadataChange } from "./metadata";
import { preparedStatement } from "./query";
import { findLiveUser } from "./users";

export function toSession(row: SessionRow): Session {
  return {
    uuid: row.uuid,
    id: row.id,
    session_id: row.sessionId,
    user_id: row.userId,
    metadata: row.metadata,
    memory_type: row.memoryType,
    fact_rating_instruction: row.factRatingInstruction,
    message_count: row.messageCount,
    token_count: row.tokenCount,
    last_message_at: row.lastMessageAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function findLiveSession(
  db: Queryable,
  sessionId: string,
  lock = false,
): Promise<SessionRow | undefined> {
  const live = (id: string | Placeholder) => and(eq(sessions.sessionId, id), isNull(sessions.deletedAt));
  if (lock) {
    const [row] = await db.select().from(sessions).where(live(sessionId)).for("update");
    return row;
  }
  const statement = preparedStatement(db, "live_session", () =>
    db
      .select()
      .from(sessions)
      .where(live(sql.placeholder("sessionId")))
      .prepare("live_session"),
  );
  const [row] = await statement.execute({ sessionId });
  return row;
}

export async function requireSession(db: Queryable, sessionId: string, lock = false): Promise<SessionRow> {
  const row = await findLiveSession(db, sessionId, lock);
  if (!row) throw notFound(`session ${JSON.stringify(sessionId)}`);
  return row;
}

/** The values a session starts from, when created or revived after a delete. */
const freshSession = {
  userId: null,
  metadata: {},
  factRatingInstruction: null,
  memoryType: null,
  messageCount: 0,
  tokenCount: 0,
  lastMessageAt: null,
  deletedAt: null,
};

/** Creates a session; a deleted session's id may be taken again, starting afresh. */
export async function createSession(db: Db, input: CreateSessionInput, actor: Actor): Promise<Session> {
  const metadata = assertCallerMetadata(input.metadata);
  return db.transaction(async (tx) => {
    if (input.user_id && !(await findLiveUser(tx, input.user_id))) {
      throw invalid(`user ${JSON.stringify(input.user_id)} does not exist`);
    }
    const fields = {
      ...freshSession,
      userId: input.user_id ?? null,
      metadata,
      memoryType: input.memory_type ?? null,
      factRatingInstruction: input.fact_rating_instruction ?? null,
    };
    const [created] = await tx
      .insert(sessions)
      .values({ sessionId: input.session_id, ...fields })
      .onConflictDoUpdate({
        target: sessions.sessionId,
        set: {
          ...fields,
          summarizedSeq: sql`${sessions.messageSeq}`,
          createdAt: sql`now()`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${sessions.deletedAt} is not null`,
      })
      .returning();
    if (!created) {
      throw new AppError("ALREADY_EXISTS", `session ${JSON.stringify(input.session_id)} already exists`);
    }
    await recordMetadataChange(tx, {
      entityType: "session",
      entityId: created.sessionId,
      actor,
      before: {},
      after: metadata,
    });
    return toSession(created);
  });
}

export async function getSession(db: Queryable, sessionId: string): Promise<Session> {
  return toSession(await requireSession(db, sessionId));
}

export async function updateSession(
  db: Db,
  sessionId: string,
  input: UpdateSessionInput,
  actor: Actor,
): Promise<Session> {
  return db.transaction(async (tx) => {
    const current = await requireSession(tx, sessionId, true);
    const metadata = mergeCallerMetadata(current.metadata, input.metadata, input.remove_metadata_keys);
    const [updated] = await tx
      .update(sessions)
      .set({
        metadata,
        ...(input.memory_type !== undefined && { memoryType: input.memory_type }),
        ...(input.fact_rating_instruction && { factRatingInstruction: input.fact_rating_instruction }),
        updatedAt: sql`now()`,
      })
      .where(eq(sessions.id, current.id))
      .returning();
    await recordMetadataChange(tx, {
      entityType: "session",
      entityId: sessionId,
      actor,
      before: current.metadata,
      after: metadata,
    });
    return toSession(updated!);
  });
}

/**
 * Attaches a session to an existing user, or detaches it (`user_id` null); recorded in the session's
 * change history. Zep's REST API has no such call: a session's user is set when it is created.
 */
export async function setSessionUser(db: Db, input: SetSessionUserInput, actor: Actor): Promise<Session> {
  return db.transaction(async (tx) => {
    const current = await requireSession(tx, input.sessionId, true);
    if (current.userId === input.user_id) return toSession(current);
    if (input.user_id !== null && !(await findLiveUser(tx, input.user_id))) {
      throw invalid(`user ${JSON.stringify(input.user_id)} does not exist`);
    }
    const [updated] = await tx
      .update(sessions)
      .set({ userId: input.user_id, updatedAt: sql`now()` })
      .where(eq(sessions.id, current.id))
      .returning();
    if (input.user_id !== null && current.userId === null) {
      await moveSessionFactsToUser(tx, current.id, input.user_id);
    }
    await recordMetadataChange(tx, {
      entityType: "session",
      entityId: current.sessionId,
      field: "user_id",
      actor,
      before: { user_id: current.userId },
      after: { user_id: input.user_id },
    });
    return toSession(updated!);
  });
}

/** Sessions in creation order, a page at a time (keyset on `id`), optionally one user's. */
export async function listSessions(db: Queryable, input: ListSessionsInput): Promise<Session[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        isNull(sessions.deletedAt),
        gt(sessions.id, input.cursor),
        input.user_id ? eq(sessions.userId, input.user_id) : undefined,
      ),
    )
    .orderBy(asc(sessions.id))
    .limit(input.limit);
  return rows.map(toSession);
}

const sessionOrderColumns = {
  created_at: sessions.createdAt,
  updated_at: sessions.updatedAt,
  user_id: sessions.userId,
  session_id: sessions.sessionId,
} as const;

/** Numbered pages of live sessions in the chosen order (ties broken by creation), with the total. */
export async function listSessionsOrdered(
  db: Queryable,
  input: ListSessionsOrderedInput,
): Promise<SessionList> {
  const direction = input.asc ? asc : desc;
  const rows = await db
    .select()
    .from(sessions)
    .where(isNull(sessions.deletedAt))
    .orderBy(direction(sessionOrderColumns[input.order_by]), direction(sessions.id))
    .limit(input.page_size)
    .offset((input.page_number - 1) * input.page_size);
  const [total] = await db.select({ value: count() }).from(sessions).where(isNull(sessions.deletedAt));
  return { sessions: rows.map(toSession), total_count: total?.value ?? 0, response_count: rows.length };
}

/** Soft-deletes a session with its messages and summaries. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const session = await requireSession(tx, sessionId, true);
    await tx
      .update(messages)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(messages.sessionPk, session.id), isNull(messages.deletedAt)));
    await tx
      .update(summaries)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(summaries.sessionPk, session.id), isNull(summaries.deletedAt)));
    await tx
      .update(sessions)
      .set({ deletedAt: sql`now()`, summarizedSeq: sql`${sessions.messageSeq}` })
      .where(eq(sessions.id, session.id));
    await invalidateFactsWithoutSources(tx, sessionMessageUuids(session.id), "engram");
  });
}
