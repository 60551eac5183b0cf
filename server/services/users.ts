import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { facts, messages, sessions, summaries, type UserRow, users } from "@/db/schema";
import { AppError, notFound } from "../errors";
import type {
  CreateUserInput,
  ListUsersInput,
  ListUsersOrderedInput,
  UpdateUserInput,
  User,
  UserList,
} from "../schemas/users";
import { type Actor, assertCallerMetadata, mergeCallerMetadata, recordMetadataChange } from "./metadata";
import { toSession } from "./sessions";

export function toUser(row: UserRow): User {
  return {
    uuid: row.uuid,
    id: row.id,
    user_id: row.userId,
    email: row.email,
    first_name: row.firstName,
    last_name: row.lastName,
    metadata: row.metadata,
    fact_rating_instruction: row.factRatingInstruction,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function findLiveUser(
  db: Queryable,
  userId: string,
  lock = false,
): Promise<UserRow | undefined> {
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.userId, userId), isNull(users.deletedAt)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

async function requireUser(db: Queryable, userId: string, lock = false): Promise<UserRow> {
  const row = await findLiveUser(db, userId, lock);
  if (!row) throw notFound(`user ${JSON.stringify(userId)}`);
  return row;
}

/** Creates a user; a deleted user's id may be taken again, starting afresh. */
export async function createUser(db: Db, input: CreateUserInput, actor: Actor): Promise<User> {
  const metadata = assertCallerMetadata(input.metadata);
  const fields = {
    email: input.email ?? null,
    firstName: input.first_name ?? null,
    lastName: input.last_name ?? null,
    metadata,
    factRatingInstruction: input.fact_rating_instruction ?? null,
  };
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ userId: input.user_id, ...fields })
      .onConflictDoUpdate({
        target: users.userId,
        set: { ...fields, createdAt: sql`now()`, updatedAt: sql`now()`, deletedAt: null },
        setWhere: sql`${users.deletedAt} is not null`,
      })
      .returning();
    if (!created)
      throw new AppError("ALREADY_EXISTS", `user ${JSON.stringify(input.user_id)} already exists`);
    await recordMetadataChange(tx, {
      entityType: "user",
      entityId: created.userId,
      actor,
      before: {},
      after: metadata,
    });
    return toUser(created);
  });
}

export async function getUser(db: Queryable, userId: string): Promise<User> {
  return toUser(await requireUser(db, userId));
}

export async function updateUser(
  db: Db,
  userId: string,
  input: UpdateUserInput,
  actor: Actor,
): Promise<User> {
  return db.transaction(async (tx) => {
    const current = await requireUser(tx, userId, true);
    const metadata = mergeCallerMetadata(current.metadata, input.metadata, input.remove_metadata_keys);
    const [updated] = await tx
      .update(users)
      .set({
        ...(input.email !== undefined && { email: input.email }),
        ...(input.first_name !== undefined && { firstName: input.first_name }),
        ...(input.last_name !== undefined && { lastName: input.last_name }),
        ...(input.fact_rating_instruction && { factRatingInstruction: input.fact_rating_instruction }),
        metadata,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, current.id))
      .returning();
    await recordMetadataChange(tx, {
      entityType: "user",
      entityId: userId,
      actor,
      before: current.metadata,
      after: metadata,
    });
    return toUser(updated!);
  });
}

/** Soft-deletes a user with all of their sessions, messages and summaries. */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await requireUser(tx, userId, true);
    const userSessions = tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, user.userId), isNull(sessions.deletedAt)));
    await tx
      .update(messages)
      .set({ deletedAt: sql`now()` })
      .where(and(sql`${messages.sessionPk} in ${userSessions}`, isNull(messages.deletedAt)));
    await tx
      .update(summaries)
      .set({ deletedAt: sql`now()` })
      .where(and(sql`${summaries.sessionPk} in ${userSessions}`, isNull(summaries.deletedAt)));
    await tx
      .update(sessions)
      .set({ deletedAt: sql`now()`, summarizedSeq: sql`${sessions.messageSeq}` })
      .where(and(eq(sessions.userId, user.userId), isNull(sessions.deletedAt)));
    await tx.update(users).set({ deletedAt: sql`now()` }).where(eq(users.id, user.id));
    await tx
      .update(facts)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(facts.userId, user.userId), isNull(facts.deletedAt)));
  });
}

/** Users in creation order, a page at a time (keyset on `id`). */
export async function listUsers(db: Queryable, input: ListUsersInput): Promise<User[]> {
  const rows = await db
    .select()
    .from(users)
    .where(and(isNull(users.deletedAt), gt(users.id, input.cursor)))
    .orderBy(asc(users.id))
    .limit(input.limit);
  return rows.map(toUser);
}

/** Numbered pages of live users in creation order, with the total. */
export async function listUsersOrdered(db: Queryable, input: ListUsersOrderedInput): Promise<UserList> {
  const rows = await db
    .select()
    .from(users)
    .where(isNull(users.deletedAt))
    .orderBy(asc(users.id))
    .limit(input.page_size)
    .offset((input.page_number - 1) * input.page_size);
  const [total] = await db.select({ value: count() }).from(users).where(isNull(users.deletedAt));
  return { users: rows.map(toUser), total_count: total?.value ?? 0, row_count: rows.length };
}

export async function listUserSessions(db: Queryable, userId: string) {
  const user = await requireUser(db, userId);
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, user.userId), isNull(sessions.deletedAt)))
    .orderBy(asc(sessions.id));
  return rows.map(toSession);
}
