import { and, desc, eq, gte, isNull, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { facts, sessions } from "@/db/schema";
import { embedderFromConfig } from "../providers/embeddings";
import { embeddingSimilarity, type RecentMessage, recentVector } from "./enrichment";
import { type FactOwner, type FactRecord, factSelection, ownedBy, selectFacts, validAt } from "./facts";
import { preparedStatement } from "./query";

/*
 * Which facts matter now: ranked against the recent messages for memory, or against a search text.
 * Full-text ranking treats any shared word as a match (facts are single sentences); embeddings,
 * when configured, rank by meaning.
 */

/**
 * Lexemes of `text` joined with OR, so that a fact matching any word ranks. A scalar subquery, so
 * the query is built once per statement rather than once per row.
 */
const anyWordQuery = (
  text: string | Placeholder,
): SQL => sql`(select to_tsquery('simple', coalesce(nullif(array_to_string(array(
      select quote_literal(lexeme) from unnest(tsvector_to_array(to_tsvector('english', ${text}))) as lexeme
    ), ' | '), ''), 'engram_no_match')))`;

/** Full-text rank of facts sharing a word with `text`; the cheap match test spares ranking the rest. */
function lexicalRelevance(text: string | Placeholder): SQL {
  const query = anyWordQuery(text);
  return sql`case when ${facts.searchVector} @@ ${query} then ts_rank(${facts.searchVector}, ${query}) else 0 end`;
}

/** Text of the recent messages used to rank facts: the newest part is what the prompt is about. */
const RANKING_TEXT_CHARS = 4_000;

/**
 * The owner's valid facts with `rating ≥ minRating`, most relevant to `recent` first: by embedding
 * similarity when embeddings are configured, else by full-text relevance; then by rating.
 */
export async function relevantFacts(
  db: Queryable,
  owner: FactOwner,
  recent: RecentMessage[],
  options: { minRating?: number; limit: number },
): Promise<FactRecord[]> {
  const filter = and(
    ownedBy(owner),
    validAt(),
    options.minRating === undefined ? undefined : gte(facts.rating, options.minRating),
  );
  const text = recent
    .map((message) => message.content)
    .join("\n")
    .slice(-RANKING_TEXT_CHARS);
  const embedder = text.trim() ? embedderFromConfig() : undefined;
  const vector = embedder ? await recentVector(embedder, recent, text) : undefined;
  if (!vector) {
    return lexicalFactsStatement(db, owner.userId !== undefined ? "user" : "session").execute({
      userId: owner.userId ?? null,
      sessionPk: owner.sessionPk ?? null,
      text,
      minRating: options.minRating ?? 0,
      limit: options.limit,
    });
  }
  return selectFacts(db)
    .where(filter)
    .orderBy(
      desc(sql`coalesce(${embeddingSimilarity(facts.embedding, vector)}, -1)`),
      desc(facts.rating),
      desc(facts.validAt),
      desc(facts.id),
    )
    .limit(options.limit);
}

/** The full-text ranking of `relevantFacts`, prepared (it runs on every get memory). */
function lexicalFactsStatement(db: Queryable, ownerKind: "user" | "session") {
  const name = `relevant_facts_${ownerKind}`;
  return preparedStatement(db, name, () =>
    selectFacts(db)
      .where(
        and(
          ownerKind === "user"
            ? eq(facts.userId, sql.placeholder("userId"))
            : and(isNull(facts.userId), eq(facts.sessionPk, sql.placeholder("sessionPk"))),
          validAt(),
          gte(facts.rating, sql.placeholder("minRating")),
        ),
      )
      .orderBy(
        desc(lexicalRelevance(sql.placeholder("text"))),
        desc(facts.rating),
        desc(facts.validAt),
        desc(facts.id),
      )
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
}

/** Valid facts of an owner matching `text`, best first, with a score in [0, 1]. */
export async function searchFacts(
  db: Queryable,
  owner: FactOwner,
  text: string,
  options: { limit: number; minRating?: number },
): Promise<{ record: FactRecord; score: number }[]> {
  // Facts are single sentences: any shared word counts, ranked by how much they share.
  const query = anyWordQuery(text);
  const rank = sql<number>`ts_rank(${facts.searchVector}, ${query})`.mapWith(Number);
  const similarity = sql<number>`word_similarity(${text}, ${facts.fact})`.mapWith(Number);
  const rows = await db
    .select({ ...factSelection, rank, similarity })
    .from(facts)
    .leftJoin(sessions, eq(sessions.id, facts.sessionPk))
    .where(
      and(
        ownedBy(owner),
        validAt(),
        options.minRating === undefined ? undefined : gte(facts.rating, options.minRating),
        or(sql`${facts.searchVector} @@ ${query}`, sql`${text} <% ${facts.fact}`),
      ),
    )
    .orderBy(desc(rank), desc(similarity), desc(facts.rating))
    .limit(options.limit);
  // Full-text matches score above 0.5, trigram near misses at most 0.5, as in message search.
  return rows.map(({ rank: textRank, similarity: near, ...record }) => ({
    record,
    score: textRank > 0 ? 0.5 + 0.5 * Math.min(1, textRank * 10) : 0.5 * near,
  }));
}
