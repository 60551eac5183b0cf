import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db/client";
import type { Actor } from "./metadata";

/**
 * Invalidates the valid facts that had a source among `deletedUuids` (a uuid[] expression) and
 * have no live source left. A pinned fact stays valid, since a person vouched for it: it only
 * records that its sources are gone. Kept apart from the facts service so that message and session
 * deletion can call it without a circle between services.
 */
export async function invalidateFactsWithoutSources(
  tx: Queryable,
  deletedUuids: SQL,
  actor: Actor,
): Promise<number> {
  const orphaned = sql`
    f.invalid_at is null and f.deleted_at is null
    and f.source_message_uuids && (${deletedUuids})
    and not exists (
      select 1 from messages m
       where m.uuid = any(f.source_message_uuids) and m.deleted_at is null)`;
  const rows = await queryRows<{ uuid: string; fact: string; invalid_at: string }>(
    tx,
    sql`
      update facts f
         set invalid_at = now(), invalid_reason = 'source_deleted', updated_at = now()
       where ${orphaned} and not f.pinned
      returning f.uuid, f.fact, f.invalid_at`,
  );
  if (rows.length > 0) {
    await tx.execute(sql`
      insert into fact_changes (fact_uuid, action, actor, before, after)
      select r.uuid, 'source_deleted', ${actor}, jsonb_build_object('fact', r.fact, 'invalid_at', null),
             jsonb_build_object('fact', r.fact, 'invalid_at', r.invalid_at, 'invalid_reason', 'source_deleted')
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(uuid uuid, fact text, invalid_at timestamptz)`);
  }
  const kept = await queryRows<{ uuid: string; fact: string; sources_deleted_at: string }>(
    tx,
    sql`
      update facts f
         set sources_deleted_at = now(), updated_at = now()
       where ${orphaned} and f.pinned and f.sources_deleted_at is null
      returning f.uuid, f.fact, f.sources_deleted_at`,
  );
  if (kept.length > 0) {
    await tx.execute(sql`
      insert into fact_changes (fact_uuid, action, actor, before, after)
      select r.uuid, 'kept_pinned_source_deleted', ${actor},
             jsonb_build_object('fact', r.fact, 'sources_deleted_at', null),
             jsonb_build_object('fact', r.fact, 'sources_deleted_at', r.sources_deleted_at)
        from jsonb_to_recordset(${JSON.stringify(kept)}::jsonb) as r(uuid uuid, fact text, sources_deleted_at timestamptz)`);
  }
  return rows.length;
}

/** The uuids of a session's messages, as an expression for `invalidateFactsWithoutSources`. */
export const sessionMessageUuids = (sessionPk: number): SQL =>
  sql`array(select uuid from messages where session_pk = ${sessionPk})`;

/**
 * A session without a user owned its facts itself; once attached to a user, those facts are about
 * that user. Facts already about a user stay with that user when a session moves or is detached.
 */
export async function moveSessionFactsToUser(
  tx: Queryable,
  sessionPk: number,
  userId: string,
): Promise<void> {
  await tx.execute(sql`
    update facts set user_id = ${userId}, updated_at = now()
     where session_pk = ${sessionPk} and user_id is null`);
}
