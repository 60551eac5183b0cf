import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db/client";
import { apiKeys, messages, sessions, summaries, users } from "@/db/schema";
import { type Config, config } from "../config";
import { invalid } from "../errors";
import { embedderFromConfig } from "../providers/embeddings";
import { factExtractionOffReason } from "../providers/facts";
import { summarizerKind } from "../providers/summarizer";
import { countTokens } from "../providers/tokenizer";
import {
  type BrowseSessionsInput,
  type BrowseUsersInput,
  listCursorSchema,
  type Overview,
  type OverviewInput,
  type PromptPreviewInput,
  type SessionPage,
  type sessionSorts,
  type UserPage,
  type userSorts,
} from "../schemas/dashboard";
import { getMemory } from "./memory";
import { toSession } from "./sessions";
import { toUser } from "./users";

const lastActivity = sql`coalesce(${sessions.lastMessageAt}, ${sessions.createdAt})`;

/** Each sort: the ordered expression and the type its cursor value is cast back to. */
const sortColumns: Record<(typeof sessionSorts)[number], { expression: SQL; cast: SQL }> = {
  last_activity: { expression: lastActivity, cast: sql`timestamptz` },
  created_at: { expression: sql`${sessions.createdAt}`, cast: sql`timestamptz` },
  message_count: { expression: sql`${sessions.messageCount}`, cast: sql`bigint` },
  token_count: { expression: sql`${sessions.tokenCount}`, cast: sql`bigint` },
  session_id: { expression: sql`${sessions.sessionId}`, cast: sql`text` },
};

/** Cursors are opaque to callers: only the service that issued one knows what it must hold. */
function decodeCursor(cursor: string): [string, number] {
  try {
    return listCursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalid("cursor is not one this server issued");
  }
}

const encodeCursor = (value: string, id: number) =>
  Buffer.from(JSON.stringify([value, id])).toString("base64url");

const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** `%text%` for ILIKE, with the pattern characters in the text taken literally. */
const containing = (text: string) => `%${literal(text)}%`;

/** The sessions browser: search, filter, sort, keyset pagination. */
export async function browseSessions(db: Queryable, input: BrowseSessionsInput): Promise<SessionPage> {
  const { expression, cast } = sortColumns[input.sort];
  const descending = input.order === "desc";

  const conditions: (SQL | undefined)[] = [isNull(sessions.deletedAt)];
  if (input.query) {
    const pattern = containing(input.query);
    conditions.push(sql`(
      ${sessions.sessionId} ilike ${pattern}
      or ${sessions.userId} ilike ${pattern}
      or ${sessions.metadata}::text ilike ${pattern}
      or ${users.email} ilike ${pattern}
      or concat_ws(' ', ${users.firstName}, ${users.lastName}) ilike ${pattern}
      or exists (
        select 1 from messages m
        where m.session_pk = "sessions"."id" and m.deleted_at is null
          and (m.content ilike ${pattern} or m.search_vector @@ websearch_to_tsquery('english', ${input.query}))
      )
    )`);
  }
  if (input.user_id) conditions.push(sql`${sessions.userId} like ${`${literal(input.user_id)}%`}`);
  if (input.metadata) {
    const at = input.metadata.indexOf("=");
    const [key, value] = [input.metadata.slice(0, at).trim(), input.metadata.slice(at + 1).trim()];
    conditions.push(sql`${sessions.metadata} ->> ${key} = ${value}`);
  }
  if (input.has_annotations !== undefined) {
    const annotated = sql`exists (
      select 1 from metadata_changes c join messages m on c.entity_id = m.uuid::text
      where c.entity_type = 'message' and m.session_pk = "sessions"."id" and m.deleted_at is null
    )`;
    conditions.push(input.has_annotations ? annotated : sql`not ${annotated}`);
  }
  const filters = [...conditions];
  if (input.from) conditions.push(sql`${lastActivity} >= ${input.from}::timestamptz`);
  if (input.to) conditions.push(sql`${lastActivity} < ${input.to}::timestamptz`);
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor);
    conditions.push(
      descending
        ? sql`(${expression}, ${sessions.id}) < (${value}::${cast}, ${id})`
        : sql`(${expression}, ${sessions.id}) > (${value}::${cast}, ${id})`,
    );
  }

  const rows = await db
    .select({
      session: sessions,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      userUuid: users.uuid,
      sortValue: sql<string>`(${expression})::text`,
      lastActivity: sql<string>`to_char(${lastActivity} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    })
    .from(sessions)
    .leftJoin(users, and(eq(users.userId, sessions.userId), isNull(users.deletedAt)))
    .where(and(...conditions))
    .orderBy(
      descending ? desc(expression) : asc(expression),
      descending ? desc(sessions.id) : asc(sessions.id),
    )
    .limit(input.limit + 1);

  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(sessions)
    .leftJoin(users, and(eq(users.userId, sessions.userId), isNull(users.deletedAt)))
    .where(and(...filters));

  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    total: Number(counted?.total ?? 0),
    sessions: page.map((row) => ({
      ...toSession(row.session),
      user: row.userUuid ? { email: row.email, first_name: row.firstName, last_name: row.lastName } : null,
      last_activity_at: row.lastActivity,
    })),
    next_cursor: rows.length > input.limit && last ? encodeCursor(last.sortValue, last.session.id) : null,
  };
}

// Written out: Drizzle leaves columns unqualified in select fields, which a correlated subquery needs.
const userSessionCount = sql`(select count(*)::int from sessions s
  where s.user_id = "users"."user_id" and s.deleted_at is null)`;

/** Each user sort: the ordered expression and the type its cursor value is cast back to. */
const userSortColumns: Record<(typeof userSorts)[number], { expression: SQL; cast: SQL }> = {
  // Ids grow with creation, so they order users by when they were created, ties included.
  created_at: { expression: sql`${users.id}`, cast: sql`bigint` },
  user_id: { expression: sql`${users.userId}`, cast: sql`text` },
  session_count: { expression: userSessionCount, cast: sql`int` },
};

/** The users browser: searchable, filtered by id prefix, sorted, keyset pages, each user's session count. */
export async function browseUsers(db: Queryable, input: BrowseUsersInput): Promise<UserPage> {
  const { expression, cast } = userSortColumns[input.sort];
  const descending = input.order === "desc";
  const filters: (SQL | undefined)[] = [isNull(users.deletedAt)];
  if (input.query) {
    const pattern = containing(input.query);
    filters.push(sql`(${users.userId} ilike ${pattern} or ${users.email} ilike ${pattern}
      or concat_ws(' ', ${users.firstName}, ${users.lastName}) ilike ${pattern}
      or ${users.metadata}::text ilike ${pattern})`);
  }
  if (input.user_id) filters.push(sql`${users.userId} like ${`${literal(input.user_id)}%`}`);
  const conditions = [...filters];
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor);
    conditions.push(
      descending
        ? sql`(${expression}, ${users.id}) < (${value}::${cast}, ${id})`
        : sql`(${expression}, ${users.id}) > (${value}::${cast}, ${id})`,
    );
  }
  const [rows, counted] = await Promise.all([
    db
      .select({
        user: users,
        sessionCount: sql<number>`${userSessionCount}`,
        sortValue: sql<string>`(${expression})::text`,
      })
      .from(users)
      .where(and(...conditions))
      .orderBy(descending ? desc(expression) : asc(expression), descending ? desc(users.id) : asc(users.id))
      .limit(input.limit + 1),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(users)
      .where(and(...filters)),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    users: page.map((row) => ({ ...toUser(row.user), session_count: Number(row.sessionCount) })),
    next_cursor: rows.length > input.limit && last ? encodeCursor(last.sortValue, last.user.id) : null,
    total: Number(counted[0]?.total ?? 0),
  };
}

const count = sql<number>`count(*)::int`;

/** Counts, and messages and new sessions per day (UTC); the enrichment backlog is enrichment's own overview. */
export async function overview(db: Queryable, { days }: OverviewInput): Promise<Overview> {
  const [userCount, sessionCount, messageCount, summaryCount, keyCount] = await Promise.all([
    db.select({ n: count }).from(users).where(isNull(users.deletedAt)),
    db
      .select({ n: count, tokens: sql<string>`coalesce(sum(${sessions.tokenCount}), 0)::text` })
      .from(sessions)
      .where(isNull(sessions.deletedAt)),
    db.select({ n: count }).from(messages).where(isNull(messages.deletedAt)),
    db.select({ n: count }).from(summaries).where(isNull(summaries.deletedAt)),
    db.select({ n: count }).from(apiKeys).where(isNull(apiKeys.revokedAt)),
  ]);

  const activity = await queryRows<{ day: string; messages: number; sessions: number }>(
    db,
    sql`
      with days as (
        select generate_series(
          (now() at time zone 'UTC')::date - (${days}::int - 1),
          (now() at time zone 'UTC')::date,
          interval '1 day'
        )::date as day
      )
      select to_char(days.day, 'YYYY-MM-DD') as day,
        (select count(*)::int from ${messages}
          where ${messages.deletedAt} is null
            and ${messages.createdAt} >= days.day::timestamp at time zone 'UTC'
            and ${messages.createdAt} < (days.day + 1)::timestamp at time zone 'UTC') as messages,
        (select count(*)::int from ${sessions}
          where ${sessions.deletedAt} is null
            and ${sessions.createdAt} >= days.day::timestamp at time zone 'UTC'
            and ${sessions.createdAt} < (days.day + 1)::timestamp at time zone 'UTC') as sessions
      from days order by days.day`,
  );

  return {
    counts: {
      users: userCount[0]!.n,
      sessions: sessionCount[0]!.n,
      messages: messageCount[0]!.n,
      summaries: summaryCount[0]!.n,
      tokens: Number(sessionCount[0]!.tokens),
      // The key from the environment works like any other, so it counts as one.
      active_api_keys: keyCount[0]!.n + (environmentApiKey().configured ? 1 : 0),
    },
    activity: activity.map((row) => ({
      day: row.day,
      messages: Number(row.messages),
      sessions: Number(row.sessions),
    })),
  };
}

const secretName = /(^|_)(KEY|SECRET|PASSWORD|TOKEN)(_|$)/;

/** A URL without its user name and password. */
function withoutCredentials(value: string): string {
  try {
    const url = new URL(value);
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    return "set (hidden)";
  }
}

/**
 * What the settings page shows in place of a model name: why no provider uses it, or which model
 * stands in for it (fact extraction falls back on the summarizer's model).
 */
function modelNotes(settings: Config): Map<string, string> {
  const notes = new Map<string, string>();
  const factsOff = factExtractionOffReason(settings);
  const factsUseSummarizerModel = !factsOff && !settings.ENGRAM_FACTS_MODEL;
  if (summarizerKind(settings) === "extractive" && !factsUseSummarizerModel) {
    notes.set("ENGRAM_SUMMARIZER_MODEL", "not in use: the summarizer is the built-in extractive one");
  }
  if (!embedderFromConfig(settings)) {
    notes.set("ENGRAM_EMBEDDINGS_MODEL", "not in use: no embeddings provider is configured");
  }
  if (factsOff) notes.set("ENGRAM_FACTS_MODEL", `not in use: fact extraction is off (${factsOff})`);
  else if (!settings.ENGRAM_FACTS_MODEL) {
    notes.set(
      "ENGRAM_FACTS_MODEL",
      `not set: facts use ENGRAM_SUMMARIZER_MODEL (${settings.ENGRAM_SUMMARIZER_MODEL})`,
    );
  }
  return notes;
}

/**
 * Every configuration variable as the settings page may show it: secrets only as set or not set,
 * model names only where a configured provider uses them.
 */
export function redactedConfiguration(): { name: string; value: string }[] {
  const settings = config();
  const notes = modelNotes(settings);
  // An unset optional variable has no entry in the parsed settings; a note still gets its row.
  const entries = new Map<string, unknown>([...notes.keys()].map((name) => [name, undefined]));
  for (const [name, value] of Object.entries(settings)) entries.set(name, value);
  return [...entries]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => {
      const note = notes.get(name);
      if (note) return { name, value: note };
      if (value === undefined || value === null || value === "") return { name, value: "not set" };
      if (secretName.test(name)) return { name, value: "set (hidden)" };
      if (name.endsWith("_URL") && typeof value === "string")
        return { name, value: withoutCredentials(value) };
      return { name, value: typeof value === "object" ? JSON.stringify(value) : String(value) };
    });
}

/** What an LLM receives from `memory.get` with `includeContext`, with its size in tokens. */
export async function promptPreview(db: Queryable, input: PromptPreviewInput) {
  const memory = await getMemory(db, input.sessionId, {
    lastn: input.lastn,
    memoryType: input.memoryType,
    includeContext: true,
  });
  const context = memory.context ?? "";
  return { context, token_count: countTokens(context) };
}

/** Whether `ENGRAM_API_KEY` is set: a working key that lives in the environment, not the database. */
export const environmentApiKey = () => ({ configured: Boolean(config().ENGRAM_API_KEY) });
