import { and, desc, eq, gt, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import {
  type FactEnding,
  type FactRow,
  factChanges,
  facts,
  type JsonObject,
  messages,
  type SessionRow,
  sessions,
} from "@/db/schema";
import { invalid, notFound } from "../errors";
import { embedderFromConfig } from "../providers/embeddings";
import { factExtractionOffReason, factExtractorFromConfig } from "../providers/facts";
import { countTokens } from "../providers/tokenizer";
import { uuidSchema } from "../schemas/common";
import type {
  AddFactInput,
  EditFactInput,
  Fact,
  FactChange,
  FactExtractionStatus,
  ListFactsOptions,
} from "../schemas/facts";
import { embedQuery } from "./enrichment";
import type { Actor } from "./metadata";
import { requireSession } from "./sessions";
import { findLiveUser } from "./users";

/** Whose facts: a user's, or (for a session without a user) a session's. */
export type FactOwner = { userId: string; sessionPk?: undefined } | { userId?: undefined; sessionPk: number };

/** A fact row with the caller's id of its session. */
export interface FactRecord {
  row: FactRow;
  sessionId: string | null;
}

export function toFact({ row, sessionId }: FactRecord): Fact {
  return {
    uuid: row.uuid,
    fact: row.fact,
    rating: row.rating,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    valid_at: row.validAt.toISOString(),
    invalid_at: row.invalidAt?.toISOString() ?? null,
    invalid_reason: row.invalidReason,
    superseded_by: row.supersededBy,
    user_id: row.userId,
    session_id: sessionId,
    source_message_uuids: row.sourceMessageUuids,
    pinned: row.pinned,
    sources_deleted_at: row.sourcesDeletedAt?.toISOString() ?? null,
    origin: row.origin,
    token_count: row.tokenCount,
  };
}

/** The owner of a session's facts: its user when it has one, else the session itself. */
export const ownerOfSession = (session: Pick<SessionRow, "id" | "userId">): FactOwner =>
  session.userId ? { userId: session.userId } : { sessionPk: session.id };

export const ownedBy = (owner: FactOwner): SQL =>
  owner.userId !== undefined
    ? eq(facts.userId, owner.userId)
    : and(isNull(facts.userId), eq(facts.sessionPk, owner.sessionPk))!;

/** Valid now, or at `asOf`: already known then, already true then, not yet ended then. */
export function validAt(asOf?: Date): SQL {
  if (!asOf) return and(isNull(facts.invalidAt), isNull(facts.deletedAt))!;
  return and(
    isNull(facts.deletedAt),
    lte(facts.createdAt, asOf),
    lte(facts.validAt, asOf),
    or(isNull(facts.invalidAt), gt(facts.invalidAt, asOf)),
  )!;
}

/** A fact with its session's caller id. */
export const factSelection = { row: facts, sessionId: sessions.sessionId };

export function selectFacts(db: Queryable) {
  return db.select(factSelection).from(facts).leftJoin(sessions, eq(sessions.id, facts.sessionPk));
}

/** A fact's state as the audit trail records it. */
function snapshot(row: FactRow): JsonObject {
  return {
    fact: row.fact,
    rating: row.rating,
    pinned: row.pinned,
    valid_at: row.validAt.toISOString(),
    invalid_at: row.invalidAt?.toISOString() ?? null,
    invalid_reason: row.invalidReason,
    source_message_uuids: row.sourceMessageUuids,
  };
}

export async function recordFactChange(
  db: Queryable,
  factUuid: string,
  action: string,
  actor: Actor,
  before: FactRow | null,
  after: FactRow | null,
): Promise<void> {
  await db.insert(factChanges).values({
    factUuid,
    action,
    actor,
    before: before && snapshot(before),
    after: after && snapshot(after),
  });
}

async function listOwned(db: Queryable, owner: FactOwner, options: ListFactsOptions): Promise<Fact[]> {
  const when = options.includeInvalid
    ? isNull(facts.deletedAt)
    : validAt(options.asOf ? new Date(options.asOf) : undefined);
  const rows = await selectFacts(db)
    .where(
      and(
        ownedBy(owner),
        when,
        options.minRating === undefined ? undefined : gte(facts.rating, options.minRating),
      ),
    )
    .orderBy(
      ...(options.includeInvalid ? [sql`${facts.invalidAt} is not null`, desc(facts.invalidAt)] : []),
      desc(facts.rating),
      desc(facts.validAt),
      desc(facts.id),
    )
    .limit(options.limit);
  return rows.map(toFact);
}

async function requireLiveUser(db: Queryable, userId: string) {
  const user = await findLiveUser(db, userId);
  if (!user) throw notFound(`user ${JSON.stringify(userId)}`);
  return user;
}

/** A user's facts: valid now, valid at `asOf`, or (with `includeInvalid`) the whole history. */
export async function listUserFacts(db: Queryable, userId: string, options: ListFactsOptions) {
  await requireLiveUser(db, userId);
  return listOwned(db, { userId }, options);
}

/** A session's facts: its user's when it has one, else the session's own. */
export async function listSessionFacts(db: Queryable, sessionId: string, options: ListFactsOptions) {
  const session = await requireSession(db, sessionId);
  return listOwned(db, ownerOfSession(session), options);
}

async function requireFact(db: Queryable, factUuid: string, lock = false): Promise<FactRecord> {
  // A lookup, not validation: a non-UUID names no fact (404), and Postgres's uuid cast would refuse it.
  const uuid = uuidSchema.safeParse(factUuid);
  if (!uuid.success) throw notFound(`fact ${JSON.stringify(factUuid)}`);
  const query = selectFacts(db).where(and(eq(facts.uuid, uuid.data.toLowerCase()), isNull(facts.deletedAt)));
  const [record] = lock ? await query.for("update", { of: facts }) : await query;
  if (!record) throw notFound(`fact ${factUuid}`);
  return record;
}

export async function getFact(db: Queryable, factUuid: string): Promise<Fact> {
  return toFact(await requireFact(db, factUuid));
}

/** A fact with its audit trail, oldest change first. */
export async function getFactHistory(db: Queryable, factUuid: string) {
  const record = await requireFact(db, factUuid);
  const changes = await db
    .select()
    .from(factChanges)
    .where(eq(factChanges.factUuid, record.row.uuid))
    .orderBy(factChanges.id);
  return {
    fact: toFact(record),
    changes: changes.map(
      (change): FactChange => ({
        id: change.id,
        fact_uuid: change.factUuid,
        action: change.action,
        actor: change.actor,
        before: change.before,
        after: change.after,
        created_at: change.createdAt.toISOString(),
      }),
    ),
  };
}

/** Text compared for duplicates: case, spacing and end punctuation do not make a new fact. */
export const normalizedFact = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The owner's valid fact saying the same as `text`, if any. */
async function findSameFact(db: Queryable, owner: FactOwner, text: string): Promise<FactRow | undefined> {
  const target = normalizedFact(text);
  // Compared in JavaScript so that every script normalizes alike, whatever the database's locale.
  const rows = await db
    .select()
    .from(facts)
    .where(and(ownedBy(owner), validAt()));
  return rows.find((row) => normalizedFact(row.fact) === target);
}

export interface NewFact {
  fact: string;
  rating: number;
  pinned?: boolean;
  origin: FactRow["origin"];
  sources: string[];
  validAt?: Date;
  embedding?: number[] | null;
  /** The session it was learnt in (for a user's fact). */
  sessionPk?: number;
}

/** Stores a fact, or restates the same valid fact of the owner (adding the sources). */
export async function insertOrRestateFact(
  tx: Queryable,
  owner: FactOwner,
  fact: NewFact,
  actor: Actor,
): Promise<{ row: FactRow; restated: boolean }> {
  const same = await findSameFact(tx, owner, fact.fact);
  if (same) return { row: await restateFact(tx, same, fact.sources, actor), restated: true };
  const [row] = await tx
    .insert(facts)
    .values({
      userId: owner.userId ?? null,
      sessionPk: owner.sessionPk ?? fact.sessionPk ?? null,
      fact: fact.fact,
      rating: fact.rating,
      tokenCount: countTokens(fact.fact),
      validAt: fact.validAt ?? sql`now()`,
      sourceMessageUuids: [...new Set(fact.sources)],
      pinned: fact.pinned ?? false,
      origin: fact.origin,
      embedding: fact.embedding ?? null,
    })
    .returning();
  await recordFactChange(tx, row!.uuid, "added", actor, null, row!);
  return { row: row!, restated: false };
}

/** Adds sources to a fact said again; a restatement without new sources changes nothing. */
export async function restateFact(
  tx: Queryable,
  row: FactRow,
  sources: string[],
  actor: Actor,
): Promise<FactRow> {
  const added = sources.filter((uuid) => !row.sourceMessageUuids.includes(uuid));
  if (added.length === 0) return row;
  const [updated] = await tx
    .update(facts)
    // New live sources: a pinned fact whose sources had all been deleted has one again.
    .set({
      sourceMessageUuids: [...row.sourceMessageUuids, ...added],
      sourcesDeletedAt: null,
      updatedAt: sql`now()`,
    })
    .where(eq(facts.id, row.id))
    .returning();
  await recordFactChange(tx, row.uuid, "restated", actor, row, updated!);
  return updated!;
}

/** Ends a fact's validity; it stays, with the reason and what replaced it. */
export async function closeFact(
  tx: Queryable,
  row: FactRow,
  reason: FactEnding,
  actor: Actor,
  options: { at?: Date; supersededBy?: string; action?: string } = {},
): Promise<FactRow> {
  const [updated] = await tx
    .update(facts)
    .set({
      // Never before the fact began: a late-read message cannot end a fact ahead of its start.
      invalidAt: options.at && options.at >= row.validAt ? options.at : sql`now()`,
      invalidReason: reason,
      supersededBy: options.supersededBy ?? null,
      updatedAt: sql`now()`,
    })
    .where(eq(facts.id, row.id))
    .returning();
  await recordFactChange(tx, row.uuid, options.action ?? reason, actor, row, updated!);
  return updated!;
}

/** Resolves a list call's owner (user or session) for adding facts by hand. */
export async function resolveOwner(
  db: Queryable,
  by: { userId: string } | { sessionId: string },
): Promise<{ owner: FactOwner; sessionPk?: number }> {
  if ("userId" in by) {
    await requireLiveUser(db, by.userId);
    return { owner: { userId: by.userId } };
  }
  const session = await requireSession(db, by.sessionId);
  return { owner: ownerOfSession(session), sessionPk: session.id };
}

/** A fact added by a person or an app; the same valid fact is restated instead of duplicated. */
export async function addFact(
  db: Db,
  by: { userId: string } | { sessionId: string },
  input: AddFactInput,
  actor: Actor,
): Promise<Fact> {
  const embedding = await embedFact(input.fact);
  return db.transaction(async (tx) => {
    const { owner, sessionPk } = await resolveOwner(tx, by);
    const { row } = await insertOrRestateFact(
      tx,
      owner,
      {
        fact: input.fact,
        rating: input.rating,
        pinned: input.pinned,
        origin: "manual",
        sources: input.source_message_uuids.map((uuid) => uuid.toLowerCase()),
        sessionPk,
        embedding,
      },
      actor,
    );
    return toFact((await selectFacts(tx).where(eq(facts.id, row.id)))[0]!);
  });
}

/** A fact's embedding when embeddings are configured; without one (provider down) it ranks by rating. */
async function embedFact(text: string): Promise<number[] | undefined> {
  const embedder = embedderFromConfig();
  return embedder ? embedQuery(embedder, text) : undefined;
}

function requireValid(record: FactRecord, what: string) {
  if (record.row.invalidAt)
    throw invalid(`fact ${record.row.uuid} is no longer valid: only a valid fact can be ${what}`);
}

/**
 * A person's correction. A new rating changes the fact in place; new text closes the fact
 * (`edited`) and starts its successor, so what Engram believed before stays in the history.
 */
export async function editFact(db: Db, factUuid: string, input: EditFactInput, actor: Actor): Promise<Fact> {
  const embedding = input.fact === undefined ? undefined : await embedFact(input.fact);
  return db.transaction(async (tx) => {
    const record = await requireFact(tx, factUuid, true);
    requireValid(record, "edited");
    const current = record.row;
    if (input.fact === undefined || input.fact === current.fact) {
      const [updated] = await tx
        .update(facts)
        .set({ rating: input.rating ?? current.rating, updatedAt: sql`now()` })
        .where(eq(facts.id, current.id))
        .returning();
      await recordFactChange(tx, current.uuid, "edited", actor, current, updated!);
      return toFact({ row: updated!, sessionId: record.sessionId });
    }
    const [successor] = await tx
      .insert(facts)
      .values({
        userId: current.userId,
        sessionPk: current.sessionPk,
        fact: input.fact,
        rating: input.rating ?? current.rating,
        tokenCount: countTokens(input.fact),
        sourceMessageUuids: current.sourceMessageUuids,
        pinned: current.pinned,
        origin: "manual",
        embedding: embedding ?? null,
      })
      .returning();
    await closeFact(tx, current, "edited", actor, { supersededBy: successor!.uuid, at: successor!.validAt });
    await recordFactChange(tx, successor!.uuid, "added", actor, current, successor!);
    return toFact({ row: successor!, sessionId: record.sessionId });
  });
}

/** Pins (the model may not invalidate it) or unpins a valid fact. */
export async function setFactPinned(db: Db, factUuid: string, pinned: boolean, actor: Actor): Promise<Fact> {
  return db.transaction(async (tx) => {
    const record = await requireFact(tx, factUuid, true);
    requireValid(record, pinned ? "pinned" : "unpinned");
    if (record.row.pinned === pinned) return toFact(record);
    const [updated] = await tx
      .update(facts)
      .set({ pinned, updatedAt: sql`now()` })
      .where(eq(facts.id, record.row.id))
      .returning();
    await recordFactChange(tx, record.row.uuid, pinned ? "pinned" : "unpinned", actor, record.row, updated!);
    return toFact({ row: updated!, sessionId: record.sessionId });
  });
}

/** A person says the fact is wrong: it ends now (and stays in the history). */
export async function rejectFact(db: Db, factUuid: string, actor: Actor): Promise<Fact> {
  return db.transaction(async (tx) => {
    const record = await requireFact(tx, factUuid, true);
    requireValid(record, "rejected");
    const closed = await closeFact(tx, record.row, "rejected", actor);
    return toFact({ row: closed, sessionId: record.sessionId });
  });
}

/** Zep's `DELETE /facts/{uuid}`: the fact is gone from every answer (the audit trail keeps it). */
export async function deleteFact(db: Db, factUuid: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const record = await requireFact(tx, factUuid, true);
    const [deleted] = await tx
      .update(facts)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(facts.id, record.row.id))
      .returning();
    await recordFactChange(tx, record.row.uuid, "deleted", actor, record.row, deleted!);
  });
}

/** Whether facts are extracted here, and if not why. */
export function factExtractionStatus(): FactExtractionStatus {
  return {
    extractor: factExtractorFromConfig()?.name ?? null,
    off_reason: factExtractionOffReason() ?? null,
  };
}

/** Live messages among `uuids`, with their sessions' ids, oldest first. */
export async function sourceMessages(db: Queryable, uuids: string[]) {
  if (uuids.length === 0) return [];
  const rows = await db
    .select({ message: messages, sessionId: sessions.sessionId })
    .from(messages)
    .innerJoin(sessions, and(eq(sessions.id, messages.sessionPk), isNull(sessions.deletedAt)))
    .where(
      and(
        inArray(
          messages.uuid,
          uuids.map((uuid) => uuid.toLowerCase()),
        ),
        isNull(messages.deletedAt),
      ),
    )
    .orderBy(messages.createdAt, messages.seq);
  return rows.map(({ message, sessionId }) => ({
    uuid: message.uuid,
    session_id: sessionId,
    role: message.role,
    content: message.content,
    created_at: message.createdAt.toISOString(),
  }));
}
