import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db/client";
import type { RoleType } from "@/db/schema";
import type { Highlight, SearchInSessionInput, TranscriptMatchPage } from "../schemas/messages";
import { requireSession } from "./sessions";

/** Characters of context kept before the first match, and after it. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 120;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every case-insensitive occurrence of `query` in `text`. A regular expression rather than
 * lower-casing both sides, whose lengths can differ (İ) and shift the offsets.
 */
export function highlightsIn(text: string, query: string): Highlight[] {
  const pattern = new RegExp(escapeRegExp(query), "giu");
  return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, length: match[0].length }));
}

interface MatchRow {
  uuid: string;
  seq: number | string;
  number: number | string;
  role: string;
  role_type: RoleType;
  created_at: string;
  excerpt: string;
  cut_start: boolean;
  cut_end: boolean;
}

/**
 * The messages of a session whose content holds `query` (any case), newest first, a page at a
 * time, each with a snippet around its first match (`input` validated at the edge).
 */
export async function searchInSession(
  db: Queryable,
  input: SearchInSessionInput,
): Promise<TranscriptMatchPage> {
  const session = await requireSession(db, input.sessionId);
  const pattern = `%${escapeLike(input.query)}%`;
  const matching = sql`m.session_pk = ${session.id} and m.deleted_at is null and m.content ilike ${pattern}`;
  const before = input.cursor === undefined ? sql`` : sql`and m.seq < ${input.cursor}::bigint`;
  const query = sql`${input.query}::text`;
  const excerptLength = sql`${CONTEXT_BEFORE + CONTEXT_AFTER + input.query.length}::int`;
  const [rows, counted] = await Promise.all([
    queryRows<MatchRow>(
      db,
      sql`
        select m.uuid, m.seq, m.role, m.role_type,
          to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
          (select count(*) from messages n
            where n.session_pk = m.session_pk and n.deleted_at is null and n.seq <= m.seq) as number,
          substr(m.content, f.start, ${excerptLength}) as excerpt,
          f.start > 1 as cut_start,
          f.start + ${excerptLength} <= char_length(m.content) as cut_end
        from messages m,
          lateral (select greatest(1, strpos(lower(m.content), lower(${query})) - ${CONTEXT_BEFORE}::int) as start) f
        where ${matching} ${before}
        order by m.seq desc
        limit ${input.limit + 1}::int`,
    ),
    queryRows<{ total: number | string }>(
      db,
      sql`select count(*) as total from messages m where ${matching}`,
    ),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    matches: page.map((row) => {
      const snippet = row.excerpt.replace(/\s+/g, " ");
      return {
        uuid: row.uuid,
        position: Number(row.seq),
        number: Number(row.number),
        role: row.role,
        role_type: row.role_type,
        created_at: row.created_at,
        snippet,
        cut_start: row.cut_start,
        cut_end: row.cut_end,
        highlights: highlightsIn(snippet, input.query),
      };
    }),
    total: Number(counted[0]?.total ?? 0),
    next_cursor: rows.length > input.limit ? Number(page[page.length - 1]!.seq) : null,
  };
}
