import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts, metadataChanges } from "@/db/schema";
import type { MetadataChange, MetadataHistoryInput } from "../schemas/audit";

export function actorName(actor: string, accountName: string | null): string {
  if (accountName) return accountName;
  if (actor.startsWith("api-key:")) return `API key “${actor.slice("api-key:".length)}”`;
  if (actor === "engram") return "Engram";
  return actor.replace(/^account:/, "");
}

/** Metadata changes of one user, session or message, newest first. */
export async function listMetadataChanges(
  db: Queryable,
  input: MetadataHistoryInput,
): Promise<{ changes: MetadataChange[]; next_cursor: number | null }> {
  const rows = await db
    .select({ change: metadataChanges, accountName: accounts.name })
    .from(metadataChanges)
    .leftJoin(accounts, eq(metadataChanges.actor, sql`'account:' || ${accounts.email}`))
    .where(
      and(
        input.include_messages && input.entity_type === "session"
          ? or(
              and(eq(metadataChanges.entityType, "session"), eq(metadataChanges.entityId, input.entity_id)),
              and(
                eq(metadataChanges.entityType, "message"),
                sql`${metadataChanges.entityId} in (select m.uuid::text from messages m
                  join sessions s on s.id = m.session_pk
                  where s.session_id = ${input.entity_id} and s.deleted_at is null)`,
              ),
            )
          : and(
              eq(metadataChanges.entityType, input.entity_type),
              eq(metadataChanges.entityId, input.entity_id),
            ),
        input.cursor === undefined ? undefined : lt(metadataChanges.id, input.cursor),
      ),
    )
    .orderBy(desc(metadataChanges.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    changes: page.map(({ change, accountName }) => ({
      id: change.id,
      entity_type: change.entityType,
      entity_id: change.entityId,
      field: change.field,
      actor: change.actor,
      actor_name: actorName(change.actor, accountName),
      before: change.before,
      after: change.after,
      created_at: change.createdAt.toISOString(),
    })),
    next_cursor: rows.length > input.limit ? page[page.length - 1]!.change.id : null,
  };
}
