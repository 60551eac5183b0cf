import { and, desc, eq, inArray, isNull, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  type MessageRow,
  messages,
  type SessionRow,
  type SummaryRow,
  sessions,
  summaries,
} from "@/db/schema";
import { invalid, notFound } from "../errors";
import { JsonText } from "../jsonText";
import { cosine, embedderFromConfig } from "../providers/embeddings";
import type { SearchFilter, SearchInput, SearchResult, WhereClause } from "../schemas/search";
import { embeddingSimilarity, embedQuery } from "./enrichment";
import { searchFacts } from "./factRanking";
import { ownerOfSession, toFact } from "./facts";
import {
  liveMessages,
  type MessageLike,
  messageFields,
  messageJson,
  messageJsonColumns,
  toMessage,
} from "./messages";
import { preparedStatement } from "./query";
import { parseSearchText, type SearchText, searchTextPlaceholders, TRIGRAM_THRESHOLD } from "./searchText";
import { requireSession } from "./sessions";
import { toSummary } from "./summaries";
import { findLiveUser } from "./users";

/*
 * Search runs in two steps so that more signals can join later without touching the SQL:
 *   1. candidate retrieval: each retriever returns its best items with a score in [0, 1]: the
 *      lexical one (Postgres full-text search plus trigram similarity) always, the vector one
 *      (cosine similarity of stored embeddings, computed in SQL) when an embedder is configured;
 *   2. ranking: the candidate lists are fused by reciprocal rank and cut to the limit.
 *      `search_type: mmr` re-ranks for diversity: relevance against redundancy with what is
 *      already chosen (embeddings when both items have one, shared words otherwise).
 */

/** What ranking and answering read of a message or summary (not its search vector). */
const candidateFields = {
  message: { ...messageFields, embedding: messages.embedding },
  summary: {
    uuid: summaries.uuid,
    createdAt: summaries.createdAt,
    content: summaries.content,
    recentMessageUuid: summaries.recentMessageUuid,
    metadata: summaries.metadata,
    tokenCount: summaries.tokenCount,
    embedding: summaries.embedding,
  },
};

export interface SearchCandidate {
  kind: "message" | "summary";
  message?: MessageLike & Pick<MessageRow, "embedding">;
  summary?: Pick<SummaryRow, keyof typeof candidateFields.summary>;
  sessionId: string;
  /** Relevance in [0, 1] from the retriever that found it. */
  score: number;
}

interface Scope {
  sessionId?: string | Placeholder;
  sessionIds?: string[];
  userId?: string;
}

/** How many candidates each retriever returns per result asked for, so re-ranking has room. */
const CANDIDATES_PER_RESULT = 3;

/** Vector candidates must be at least this fraction as similar to the query as the best one. */
const VECTOR_FLOOR = 0.5;

/**
 * Sessions up to this many messages are searched in one pass over their rows; larger ones look
 * for full-text matches through the index first.
 */
const SCAN_SESSION_AT_ONCE = 200;

/**
 * Near misses in sessions up to this many messages are found by reading the session's rows:
 * through the database-wide trigram index the planner would intersect the session with every near
 * miss in the database (tens of thousands of rows in a database of a million messages).
 */
const SCAN_SESSION_NEAR_MISSES = 5_000;

/**
 * Searches messages or summaries of one session, one user's sessions, or every session; `input`
 * comes validated from the edge (`searchInput`).
 */
export async function search(db: Queryable, input: SearchInput): Promise<SearchResult[]> {
  const query = searchQueryOf(input);
  const short = await searchShortSessionOf(db, input, query);
  return short ? short.parse() : searchEverywhere(db, input, query);
}

/** `search`'s results as JSON text: a short session's as Postgres wrote them. */
export async function searchJson(db: Queryable, input: SearchInput): Promise<JsonText<SearchResult[]>> {
  const query = searchQueryOf(input);
  const short = await searchShortSessionOf(db, input, query);
  return short ?? new JsonText(JSON.stringify(await searchEverywhere(db, input, query)));
}

/** The search text's meaning, undefined without text; a search needs text or a metadata filter. */
function searchQueryOf(input: SearchInput): SearchText | undefined {
  const text = input.text?.trim() ?? "";
  const filter = input.metadata ?? undefined;
  if (!text && !filter?.where && !filter?.start_date && !filter?.end_date) {
    throw invalid("search needs text or a metadata filter (where, start_date, end_date)");
  }
  return text ? parseSearchText(text) : undefined;
}

/** The common search in one statement (`searchShortSession`), where it applies. */
function searchShortSessionOf(
  db: Queryable,
  input: SearchInput,
  query: SearchText | undefined,
): Promise<JsonText<SearchResult[]> | undefined> | undefined {
  const applies =
    query &&
    !input.metadata &&
    input.sessionId !== undefined &&
    (input.search_scope ?? "messages") === "messages" &&
    (input.search_type ?? "similarity") === "similarity" &&
    !embedderFromConfig();
  return applies ? searchShortSession(db, input.sessionId!, query, input.limit) : undefined;
}

async function searchEverywhere(
  db: Queryable,
  input: SearchInput,
  query: SearchText | undefined,
): Promise<SearchResult[]> {
  const text = input.text?.trim() ?? "";
  const filter = input.metadata ?? undefined;
  const session = input.sessionId !== undefined ? await requireSession(db, input.sessionId) : undefined;
  if (input.userId !== undefined && !(await findLiveUser(db, input.userId))) {
    throw notFound(`user ${JSON.stringify(input.userId)}`);
  }
  if (input.search_scope === "facts") return searchFactsScope(db, input, text, session);
  if (filter?.where) await assertValidJsonPaths(db, filter.where);

  const candidateLimit = input.limit * CANDIDATES_PER_RESULT;
  const scope = { sessionId: input.sessionId, sessionIds: input.sessionIds, userId: input.userId };
  const retrieve = input.search_scope === "summary" ? lexicalSummaryCandidates : lexicalMessageCandidates;
  const sessionSize = session?.messageCount ?? Number.POSITIVE_INFINITY;
  // Rows holding every term outrank rows holding some, and full-text matches (above 0.5) outrank
  // trigram-only near misses (at most 0.5), so when rows holding every term fill the list the
  // broader search (costly: it reads every candidate row) cannot change it.
  const fullText =
    text && sessionSize > SCAN_SESSION_AT_ONCE
      ? await retrieve(db, query, filter, scope, candidateLimit, "fullText")
      : [];
  const lexical =
    fullText.length === candidateLimit && fullText.every((candidate) => candidate.score > 0.5)
      ? fullText
      : sessionSize <= SCAN_SESSION_NEAR_MISSES
        ? await retrieve(db, query, filter, scope, candidateLimit, "sessionScan")
        : await db.transaction(async (tx) => {
            // The trigram operator's threshold is a setting; set it for this transaction only.
            await tx.execute(
              sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`,
            );
            return retrieve(tx, query, filter, scope, candidateLimit, "nearMisses");
          });

  const embedder = text ? embedderFromConfig() : undefined;
  const queryVector = embedder ? await embedQuery(embedder, text) : undefined;
  const vector = queryVector
    ? await vectorCandidates(
        db,
        input.search_scope === "summary" ? "summary" : "message",
        queryVector,
        filter,
        scope,
        candidateLimit,
      )
    : [];

  return rankCandidates([lexical, vector], {
    limit: input.limit,
    searchType: input.search_type ?? "similarity",
    mmrLambda: input.mmr_lambda ?? 0.5,
    queryVector,
  }).map(toSearchResult);
}

/**
 * The common search: text in one session of up to SCAN_SESSION_AT_ONCE messages, no filter, no
 * embedder, plain ranking. One prepared statement per text shape finds the session, reads its
 * messages once, and returns the results as the API answers them, built by Postgres; the same
 * rows, scores and order as `search`'s own path, which it leaves larger sessions to (undefined).
 */
export async function searchShortSession(
  db: Queryable,
  sessionId: string,
  query: SearchText,
  limit: number,
): Promise<JsonText<SearchResult[]> | undefined> {
  const { shape, placeholders: placeholdersOf, values } = searchTextPlaceholders(query);
  const name = `search_short_session_${shape}`;
  const statement = preparedStatement(db, name, () => {
    const placeholders = placeholdersOf();
    const ts = tsQueriesOnce(placeholders);
    const score = lexicalScore(messages.searchVector, messages.content, placeholders, ts.refs);
    const found = db
      .select({ ...messageJsonColumns, id: messages.id, score: sql<number>`${score}`.as("score") })
      .from(messages)
      .crossJoin(ts.from)
      .where(
        and(
          liveMessages(sessions.id),
          sql`${sessions.messageCount} <= ${sql.raw(String(SCAN_SESSION_AT_ONCE))}`,
          lexicalMatch(messages.searchVector, messages.content, placeholders, "sessionScan", ts.refs),
        ),
      )
      // By the output column: the score is computed once per row.
      .orderBy(desc(sql.identifier("score")), desc(messages.createdAt), desc(messages.seq), desc(messages.id))
      .limit(sql.placeholder("limit"));
    const row = sql.identifier("found");
    const column = (name: string) => sql`${row}.${sql.identifier(name)}`;
    const results = sql<string>`(
      select coalesce(json_agg(json_build_object('message', ${messageJson(sql`${row}`, false)},
          'metadata', ${column("metadata")}, 'session_id', ${sessions.sessionId},
          'dist', ${column("score")}, 'score', ${column("score")})
        order by ${column("score")} desc, ${column("created_at")} desc, ${column("seq")} desc, ${column("id")} desc),
        '[]'::json)::text
      from (${found}) as ${row})`;
    return db
      .select({ messageCount: sessions.messageCount, results: results.as("results") })
      .from(sessions)
      .where(and(eq(sessions.sessionId, sql.placeholder("sessionId")), isNull(sessions.deletedAt)))
      .prepare(name);
  });
  const [session] = await statement.execute({ ...values, sessionId, limit });
  if (!session) throw notFound(`session ${JSON.stringify(sessionId)}`);
  return session.messageCount <= SCAN_SESSION_AT_ONCE ? new JsonText(session.results) : undefined;
}

/** `search_scope: facts`: the valid facts of the session's owner, or of the user, matching the text. */
async function searchFactsScope(
  db: Queryable,
  input: SearchInput,
  text: string,
  session: SessionRow | undefined,
): Promise<SearchResult[]> {
  if (!text) throw invalid("search_scope facts needs text");
  const owner = session
    ? ownerOfSession(session)
    : input.userId !== undefined
      ? { userId: input.userId }
      : undefined;
  if (!owner) throw invalid("search_scope facts needs a session or a user");
  const found = await searchFacts(db, owner, text, {
    limit: input.limit,
    minRating: input.min_fact_rating ?? undefined,
  });
  return found.map(({ record, score }) => ({
    fact: toFact(record),
    metadata: {},
    session_id: session?.sessionId ?? record.sessionId ?? "",
    dist: score,
    score,
  }));
}

/**
 * Fuses candidate lists into one ranking. Lists are fused by reciprocal rank when there are
 * several (lexical and vector); a single list keeps its own order. With `mmr`, the fused list is
 * re-ranked by maximal marginal relevance.
 */
export function rankCandidates(
  lists: SearchCandidate[][],
  options: { limit: number; searchType: "similarity" | "mmr"; mmrLambda: number; queryVector?: number[] },
): SearchCandidate[] {
  const ranked = fuse(lists);
  if (options.searchType === "mmr") return maximalMarginalRelevance(ranked, options);
  return ranked.slice(0, options.limit);
}

function fuse(lists: SearchCandidate[][]): SearchCandidate[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const RRF_K = 60;
  const fused = new Map<string, { candidate: SearchCandidate; rrf: number }>();
  for (const list of nonEmpty) {
    list.forEach((candidate, index) => {
      const key = `${candidate.kind}:${candidate.message?.uuid ?? candidate.summary?.uuid}`;
      const entry = fused.get(key) ?? { candidate, rrf: 0 };
      entry.rrf += 1 / (RRF_K + index + 1);
      entry.candidate = candidate.score > entry.candidate.score ? candidate : entry.candidate;
      fused.set(key, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.rrf - a.rrf).map((entry) => entry.candidate);
}

const embeddingOf = (candidate: SearchCandidate) =>
  (candidate.message ?? candidate.summary)?.embedding ?? null;
const wordsOf = (candidate: SearchCandidate) =>
  new Set(
    ((candidate.message ?? candidate.summary)?.content.toLowerCase().match(/[\p{L}\p{N}]+/gu) ??
      []) as string[],
  );

/** How alike two items are, in [0, 1]: cosine of their embeddings, or the overlap of their words. */
function likeness(a: SearchCandidate, b: SearchCandidate, words: Map<SearchCandidate, Set<string>>): number {
  const [left, right] = [embeddingOf(a), embeddingOf(b)];
  if (left && right && left.length === right.length) return Math.max(0, cosine(left, right));
  const [x, y] = [words.get(a)!, words.get(b)!];
  let shared = 0;
  for (const word of x) if (y.has(word)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Maximal marginal relevance: picks, one at a time, the candidate with the best
 * `λ·relevance − (1 − λ)·likeness to the closest already picked`. Relevance is the cosine with the
 * query when both embeddings exist, else the candidate's own score, else its fused rank.
 */
function maximalMarginalRelevance(
  ranked: SearchCandidate[],
  options: { limit: number; mmrLambda: number; queryVector?: number[] },
): SearchCandidate[] {
  const words = new Map(ranked.map((candidate) => [candidate, wordsOf(candidate)]));
  const relevance = new Map(
    ranked.map((candidate, index) => {
      const embedding = embeddingOf(candidate);
      const query = options.queryVector;
      if (query && embedding && embedding.length === query.length)
        return [candidate, Math.max(0, cosine(query, embedding))];
      return [candidate, candidate.score > 0 ? candidate.score : 1 / (index + 1)];
    }),
  );
  const chosen: SearchCandidate[] = [];
  const remaining = [...ranked];
  while (chosen.length < options.limit && remaining.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((candidate, index) => {
      const redundancy = chosen.reduce((max, picked) => Math.max(max, likeness(candidate, picked, words)), 0);
      const value = options.mmrLambda * relevance.get(candidate)! - (1 - options.mmrLambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = index;
      }
    });
    chosen.push(remaining.splice(best, 1)[0]!);
  }
  return chosen;
}

function toSearchResult(candidate: SearchCandidate): SearchResult {
  const item = candidate.message ?? candidate.summary!;
  return {
    ...(candidate.message && { message: toMessage(candidate.message) }),
    ...(candidate.summary && { summary: toSummary(candidate.summary) }),
    metadata: item.metadata,
    session_id: candidate.sessionId,
    dist: candidate.score,
    score: candidate.score,
  };
}

/**
 * Lexical relevance in [0, 1]. Full-text matches score 0.5–1: by how many of the text's terms
 * they hold (each term counts more than all the rest together), then terms side by side, then
 * (for a question in the first person) a statement in the first person, then cover density.
 * Trigram-only near misses (misspellings) score below them.
 */
function lexicalScore(
  vector: SQL | PgColumn,
  content: PgColumn,
  query: AnySearchText,
  ts: TsQueries = tsQueriesOf(query),
): SQL<number> {
  if (query.webSyntax || query.terms.length === 0) {
    return sql<number>`case when ${vector} @@ ${ts.web}
        then 0.5 + 0.5 * ts_rank_cd(${vector}, ${ts.web}, 32)
        else 0.5 * word_similarity(${query.text}, ${content}) end`.mapWith(Number);
  }
  const matchedTerms = sql.join(
    ts.terms.map((term) => sql`(${vector} @@ ${term})::int`),
    sql` + `,
  );
  const phrase = ts.phrase ? sql`0.5 * (${vector} @@ ${ts.phrase})::int` : sql`0`;
  const firstPerson = query.firstPerson ? sql`0.25 * (${content} ~* ${FIRST_PERSON})::int` : sql`0`;
  const coverDensity = sql`ts_rank_cd(${vector}, ${ts.any})`;
  const strength = sql`(2 * (${matchedTerms}) + ${phrase} + ${firstPerson}
      + ${coverDensity} / (${coverDensity} + 1))`;
  return sql<number>`case when ${vector} @@ ${ts.any}
      then 0.5 + 0.5 * ${strength} / (${strength} + 1)
      else 0.5 * ${nearestTerm(content, ts)} end`.mapWith(Number);
}

/** The full-text queries a search text makes, and its trigram terms and gate, as SQL expressions. */
interface TsQueries {
  /** The whole text in web-search syntax. */
  web: SQL;
  /** Any term, every term, each term, neighbouring terms (none with fewer than two terms). */
  any: SQL;
  all: SQL;
  terms: SQL[];
  phrase?: SQL;
  /** The words matched by trigram similarity. */
  trigramTerms: SQL[];
  /** The LIKE patterns every near miss of a trigram term matches, lower-cased (see `nearMissGate`). */
  gate?: SQL;
}

/** The queries as function calls where they are used (Postgres folds them when it plans with the values). */
function tsQueriesOf(query: AnySearchText): TsQueries {
  return {
    web: sql`websearch_to_tsquery('english', ${query.text})`,
    any: sql`to_tsquery('english', ${query.anyTermQuery})`,
    all: sql`to_tsquery('english', ${query.allTermsQuery})`,
    terms: query.termQueries.map((term) => sql`to_tsquery('english', ${term})`),
    ...(query.phraseQuery && { phrase: sql`to_tsquery('english', ${query.phraseQuery})` }),
    trigramTerms: query.trigramTerms.map((term) => sql`${term}::text`),
    ...(query.trigramGate && { gate: sql`string_to_array(${query.trigramGate}::text, '|')` }),
  };
}

/**
 * The values a session's scan uses computed once, in a one-row subquery `ts` to join: a prepared
 * statement's plan, made without the values, would otherwise call them again for every row it
 * reads, and each use of a value would be a parameter of its own. (OFFSET 0 keeps Postgres from
 * folding the subquery back into the rows' expressions.) Only the queries the scan uses are
 * computed; `all` is not (it serves the index search).
 */
function tsQueriesOnce(query: AnySearchText): { refs: TsQueries; from: SQL } {
  const calls = tsQueriesOf(query);
  const webOnly = query.webSyntax || query.terms.length === 0;
  const named: [string, SQL][] = [
    ...(webOnly
      ? [["web", calls.web] as [string, SQL]]
      : [
          ["any_term", calls.any] as [string, SQL],
          ...calls.terms.map((term, index): [string, SQL] => [`term_${index}`, term]),
          ...(calls.phrase ? [["phrase", calls.phrase] as [string, SQL]] : []),
        ]),
    ...calls.trigramTerms.map((term, index): [string, SQL] => [`trigram_${index}`, term]),
    ...(calls.gate ? [["gate", calls.gate] as [string, SQL]] : []),
  ];
  const ref = (name: string) => sql`${sql.identifier("ts")}.${sql.identifier(name)}`;
  return {
    refs: {
      ...calls,
      ...(webOnly
        ? { web: ref("web") }
        : {
            any: ref("any_term"),
            terms: calls.terms.map((_, index) => ref(`term_${index}`)),
            ...(calls.phrase && { phrase: ref("phrase") }),
          }),
      trigramTerms: calls.trigramTerms.map((_, index) => ref(`trigram_${index}`)),
      ...(calls.gate && { gate: ref("gate") }),
    },
    from: sql`(select ${sql.join(
      named.map(([name, call]) => sql`${call} as ${sql.identifier(name)}`),
      sql`, `,
    )} offset 0) as ${sql.identifier("ts")}`,
  };
}

/** A search text's values, or placeholders for them in a prepared statement. */
type AnySearchText = SearchText<string | Placeholder>;

/** A statement in the first person (Postgres regex: \m and \M are word boundaries). */
const FIRST_PERSON = "\\m(i|my|me|mine|we|our|us)\\M";

/**
 * Word similarity of the closest trigram term (0 without any). With a gate, texts that cannot hold
 * a near miss are 0 without computing it: the same as their similarity wherever it is compared
 * with the threshold, or counted after a full-text match. (LIKE costs less than a regular
 * expression here: it reads the text's bytes as they are.)
 */
function nearestTerm(content: PgColumn, ts: TsQueries): SQL {
  if (ts.trigramTerms.length === 0) return sql`0`;
  const similarity =
    ts.trigramTerms.length === 1
      ? sql`word_similarity(${ts.trigramTerms[0]}, ${content})`
      : sql`greatest(${sql.join(
          ts.trigramTerms.map((term) => sql`word_similarity(${term}, ${content})`),
          sql`, `,
        )})`;
  if (!ts.gate) return similarity;
  return sql`case when lower(${content}) like any (${ts.gate}) then ${similarity} else 0 end`;
}

/** The threshold as a literal: a constant, not a parameter of every statement. */
const threshold = sql.raw(String(TRIGRAM_THRESHOLD));

/**
 * `fullText`: rows holding every term (full-text matches of a web-search text); `nearMisses`: rows
 * holding any term and trigram near misses, through the indexes (the threshold must be set);
 * `sessionScan`: the same as function calls, which no index serves, so the planner reads the
 * scope's rows.
 */
type MatchMode = "fullText" | "nearMisses" | "sessionScan";

function lexicalMatch(
  vector: PgColumn,
  content: PgColumn,
  query: AnySearchText,
  mode: MatchMode,
  ts: TsQueries = tsQueriesOf(query),
): SQL {
  if (query.webSyntax || query.terms.length === 0) {
    const web = ts.web;
    if (mode === "fullText") return sql`${vector} @@ ${web}`;
    if (mode === "nearMisses") return sql`(${vector} @@ ${web} or ${content} %> ${query.text})`;
    return sql`(ts_match_vq(${vector}, ${web}) or word_similarity(${query.text}, ${content}) >= ${threshold})`;
  }
  if (mode === "fullText") return sql`${vector} @@ ${ts.all}`;
  const any = ts.any;
  if (query.trigramTerms.length === 0) {
    return mode === "sessionScan" ? sql`ts_match_vq(${vector}, ${any})` : sql`${vector} @@ ${any}`;
  }
  if (mode === "nearMisses") {
    const nearMisses = sql.join(
      query.trigramTerms.map((term) => sql`${content} %> ${term}`),
      sql` or `,
    );
    return sql`(${vector} @@ ${any} or ${nearMisses})`;
  }
  return sql`(ts_match_vq(${vector}, ${any}) or ${nearestTerm(content, ts)} >= ${threshold})`;
}

function scopeConditions(scope: Scope): (SQL | undefined)[] {
  return [
    isNull(sessions.deletedAt),
    scope.sessionId === undefined ? undefined : eq(sessions.sessionId, scope.sessionId),
    scope.userId === undefined ? undefined : eq(sessions.userId, scope.userId),
    scope.sessionIds === undefined ? undefined : inArray(sessions.sessionId, scope.sessionIds),
  ];
}

async function lexicalMessageCandidates(
  db: Queryable,
  query: SearchText | undefined,
  filter: SearchFilter | undefined,
  scope: Scope,
  limit: number,
  mode: MatchMode,
): Promise<SearchCandidate[]> {
  // The common search (text in one session, no filter) is a prepared statement per text shape:
  // building this statement costs the server more than running it costs Postgres.
  const prepared =
    query &&
    !filter &&
    mode !== "nearMisses" &&
    scope.sessionId !== undefined &&
    !scope.userId &&
    !scope.sessionIds;
  if (prepared) {
    const { shape, placeholders, values } = searchTextPlaceholders(query);
    const name = `search_messages_${mode}_${shape}`;
    const statement = preparedStatement(db, name, () =>
      messageCandidatesQuery(
        db,
        placeholders(),
        undefined,
        { sessionId: sql.placeholder("sessionId") },
        mode,
        {
          once: mode === "sessionScan",
        },
      )
        .limit(sql.placeholder("limit"))
        .prepare(name),
    );
    const rows = await statement.execute({ ...values, sessionId: scope.sessionId, limit });
    return rows.map(toMessageCandidate);
  }
  const rows = await messageCandidatesQuery(db, query, filter, scope, mode).limit(limit);
  return rows.map(toMessageCandidate);
}

function messageCandidatesQuery(
  db: Queryable,
  query: AnySearchText | undefined,
  filter: SearchFilter | undefined,
  scope: Scope,
  mode: MatchMode,
  { once = false }: { once?: boolean } = {},
) {
  // In a session's scan the queries are computed once (an index search needs them as calls).
  const ts = query && once ? tsQueriesOnce(query) : undefined;
  const score = query
    ? lexicalScore(messages.searchVector, messages.content, query, ts?.refs)
    : sql<number>`1.0`.mapWith(Number);
  const joined = db
    .select({ message: candidateFields.message, sessionId: sessions.sessionId, score })
    .from(messages)
    .innerJoin(sessions, eq(sessions.id, messages.sessionPk));
  return (
    (ts ? joined.crossJoin(ts.from) : joined)
      .where(
        and(
          isNull(messages.deletedAt),
          ...scopeConditions(scope),
          query ? lexicalMatch(messages.searchVector, messages.content, query, mode, ts?.refs) : undefined,
          ...filterConditions(filter, messages.metadata, messages.createdAt),
        ),
      )
      // Ties go to the most recent message; within a batch (one created_at) to the later one.
      .orderBy(
        ...(query ? [desc(score)] : []),
        desc(messages.createdAt),
        desc(messages.seq),
        desc(messages.id),
      )
  );
}

function toMessageCandidate(row: {
  message: SearchCandidate["message"];
  sessionId: string;
  score: number;
}): SearchCandidate {
  return { kind: "message", message: row.message, sessionId: row.sessionId, score: row.score };
}

async function lexicalSummaryCandidates(
  db: Queryable,
  query: SearchText | undefined,
  filter: SearchFilter | undefined,
  scope: Scope,
  limit: number,
  mode: MatchMode,
): Promise<SearchCandidate[]> {
  const score = query
    ? lexicalScore(summaries.searchVector, summaries.content, query)
    : sql<number>`1.0`.mapWith(Number);
  const rows = await db
    .select({ summary: candidateFields.summary, sessionId: sessions.sessionId, score })
    .from(summaries)
    .innerJoin(sessions, eq(sessions.id, summaries.sessionPk))
    .where(
      and(
        isNull(summaries.deletedAt),
        ...scopeConditions(scope),
        query ? lexicalMatch(summaries.searchVector, summaries.content, query, mode) : undefined,
        ...filterConditions(filter, summaries.metadata, summaries.createdAt),
      ),
    )
    .orderBy(...(query ? [desc(score)] : []), desc(summaries.createdAt), desc(summaries.id))
    .limit(limit);
  return rows.map((row) => ({
    kind: "summary",
    summary: row.summary,
    sessionId: row.sessionId,
    score: row.score,
  }));
}

/** Items ranked by cosine similarity of their stored embedding to the query's. */
async function vectorCandidates(
  db: Queryable,
  kind: "message" | "summary",
  queryVector: number[],
  filter: SearchFilter | undefined,
  scope: Scope,
  limit: number,
): Promise<SearchCandidate[]> {
  const table = kind === "message" ? messages : summaries;
  const similarity = embeddingSimilarity(table.embedding, queryVector);
  const rows = await db
    .select({ row: table, sessionId: sessions.sessionId, similarity })
    .from(table)
    .innerJoin(sessions, eq(sessions.id, table.sessionPk))
    .where(
      and(
        isNull(table.deletedAt),
        sql`array_length(${table.embedding}, 1) = ${queryVector.length}`,
        ...scopeConditions(scope),
        ...filterConditions(filter, table.metadata, table.createdAt),
      ),
    )
    .orderBy(sql`${similarity} desc`, desc(table.id))
    .limit(limit);
  // Everything has some similarity to everything: keep only the items near the best one.
  const floor = (rows[0]?.similarity ?? 0) * VECTOR_FLOOR;
  return rows
    .filter((row) => (row.similarity ?? 0) > 0 && (row.similarity ?? 0) >= floor)
    .map(({ row, sessionId, similarity: score }) => ({
      kind,
      ...(kind === "message" ? { message: row as MessageRow } : { summary: row as SummaryRow }),
      sessionId,
      score: Math.max(0, Math.min(1, score ?? 0)),
    }));
}

function filterConditions(filter: SearchFilter | undefined, metadata: PgColumn, createdAt: PgColumn): SQL[] {
  if (!filter) return [];
  const conditions: SQL[] = [];
  if (filter.where) conditions.push(compileWhere(filter.where, metadata));
  if (filter.start_date)
    conditions.push(sql`${createdAt} >= ${asUtcTimestamp(filter.start_date)}::timestamptz`);
  if (filter.end_date) conditions.push(sql`${createdAt} <= ${asUtcTimestamp(filter.end_date)}::timestamptz`);
  return conditions;
}

/** The filter as SQL; every JSONPath is a bound parameter cast to jsonpath, never spliced. */
export function compileWhere(clause: WhereClause, metadata: PgColumn): SQL {
  const parts: SQL[] = [];
  if (clause.jsonpath !== undefined) {
    parts.push(sql`jsonb_path_exists(${metadata}, ${toPostgresJsonPath(clause.jsonpath)}::jsonpath)`);
  }
  for (const child of clause.and ?? []) parts.push(compileWhere(child, metadata));
  if (clause.or?.length) parts.push(or(...clause.or.map((child) => compileWhere(child, metadata)))!);
  return and(...parts)!;
}

/** Checks each JSONPath with Postgres's own parser, so a bad one is a 400 that names it. */
export async function assertValidJsonPaths(db: Queryable, clause: WhereClause): Promise<void> {
  const paths = new Set<string>();
  const collect = (node: WhereClause) => {
    if (node.jsonpath !== undefined) paths.add(node.jsonpath);
    for (const child of [...(node.and ?? []), ...(node.or ?? [])]) collect(child);
  };
  collect(clause);
  for (const path of paths) {
    try {
      await db.execute(sql`select ${toPostgresJsonPath(path)}::jsonpath`);
    } catch (error) {
      // Drizzle wraps the driver's error; the reason is Postgres's own message.
      const cause = (error as { cause?: { message?: string } }).cause;
      const reason = cause?.message ?? (error as { message?: string }).message ?? "does not parse";
      throw invalid(`invalid jsonpath ${JSON.stringify(path)}: ${reason}`);
    }
  }
}

/**
 * Zep's filters quote strings with single quotes (`@.label == 'ORG'`); Postgres's JSONPath wants
 * double quotes. Single-quoted literals outside double-quoted strings are rewritten as JSON strings.
 */
export function toPostgresJsonPath(path: string): string {
  let out = "";
  let index = 0;
  while (index < path.length) {
    const char = path[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < path.length && path[end] !== '"') end += path[end] === "\\" ? 2 : 1;
      out += path.slice(index, end + 1);
      index = end + 1;
    } else if (char === "'") {
      const end = path.indexOf("'", index + 1);
      if (end === -1) return out + path.slice(index);
      out += JSON.stringify(path.slice(index + 1, end));
      index = end + 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** Dates and date-times without an offset are read as UTC. */
function asUtcTimestamp(value: string): string {
  if (!value.includes("T")) return `${value}T00:00:00Z`;
  return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}
