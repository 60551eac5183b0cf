import type { Queryable } from "@/db/client";
import { type SessionSearchInput, type SessionSearchResponse, sessionSearchInput } from "../schemas/search";
import { search } from "./search";

/**
 * Zep CE's search across sessions: messages or summaries of the named sessions, of one user's
 * sessions, or of every session, best first, none below `min_score`.
 */
export async function searchSessions(
  db: Queryable,
  rawInput: SessionSearchInput,
): Promise<SessionSearchResponse> {
  const input = sessionSearchInput.parse(rawInput);
  // Facts live in their own store; until it holds any, a facts search finds nothing.
  if (input.search_scope === "facts") return { results: [] };
  const found = await search(db, {
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
      .map(({ message, summary, session_id, score }) => ({ message, summary, session_id, score })),
  };
}
