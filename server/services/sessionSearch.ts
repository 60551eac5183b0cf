import type { Queryable } from "@/db/client";
import type { SearchResult, SessionSearchInput, SessionSearchResponse } from "../schemas/search";
import { search } from "./search";

/**
 * Zep CE's search across sessions: messages or summaries of the named sessions, of one user's
 * sessions, or of every session, best first, none below `min_score`.
 */
export async function searchSessions(
  db: Queryable,
  input: SessionSearchInput,
): Promise<SessionSearchResponse> {
  const found =
    input.search_scope === "facts"
      ? await searchFactsAcross(db, input)
      : await search(db, {
          text: input.text,
          metadata: input.record_filter,
          search_scope: input.search_scope,
          search_type: input.search_type,
          mmr_lambda: input.mmr_lambda,
          sessionIds: input.session_ids ?? undefined,
          userId: input.user_id ?? undefined,
          limit: input.limit,
        });
  const minScore = input.min_score ?? 0;
  return {
    results: found
      .filter((result) => result.score >= minScore)
      .map(({ fact, message, summary, session_id, score }) => ({
        fact,
        message,
        summary,
        session_id,
        score,
      })),
  };
}

/** Facts of one user, or of the owners of the named sessions (each fact once, best first). */
async function searchFactsAcross(db: Queryable, input: SessionSearchInput) {
  const common = {
    text: input.text,
    search_scope: "facts" as const,
    min_fact_rating: input.min_fact_rating,
    limit: input.limit,
  };
  if (!input.session_ids) return search(db, { ...common, userId: input.user_id ?? undefined });
  const perSession = await Promise.all(
    input.session_ids.map((sessionId) => search(db, { ...common, sessionId })),
  );
  const best = new Map<string, SearchResult>();
  for (const result of perSession.flat()) {
    const key = result.fact?.uuid ?? "";
    if (!best.has(key) || best.get(key)!.score < result.score) best.set(key, result);
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, input.limit);
}
