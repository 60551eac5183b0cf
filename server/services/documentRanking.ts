/** Pure vector helpers for document search. */

export function norm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/** The vector scaled to unit length (the caller ensures it is not all zeros). */
export function unit(vector: readonly number[]): number[] {
  const length = norm(vector);
  return vector.map((value) => value / length);
}

/** Cosine similarity of two vectors of any length (0 when either is all zeros). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) dot += a[i]! * b[i]!;
  const lengths = norm(a) * norm(b);
  return lengths === 0 ? 0 : dot / lengths;
}

/**
 * Maximal marginal relevance over candidates with embeddings: picks, one at a time, the candidate
 * with the best `λ·similarity to the query − (1 − λ)·similarity to the closest already picked`.
 * Returns the candidates' indexes in the order picked.
 */
export function maximalMarginalRelevance(
  query: readonly number[],
  candidates: readonly (readonly number[])[],
  lambda: number,
  limit: number,
): number[] {
  const relevance = candidates.map((candidate) => cosineSimilarity(query, candidate));
  const chosen: number[] = [];
  const remaining = candidates.map((_, index) => index);
  while (chosen.length < limit && remaining.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((candidate, position) => {
      const redundancy = chosen.reduce(
        (max, picked) => Math.max(max, cosineSimilarity(candidates[candidate]!, candidates[picked]!)),
        Number.NEGATIVE_INFINITY,
      );
      const value = lambda * relevance[candidate]! - (1 - lambda) * (chosen.length === 0 ? 0 : redundancy);
      if (value > bestValue) {
        bestValue = value;
        best = position;
      }
    });
    chosen.push(remaining.splice(best, 1)[0]!);
  }
  return chosen;
}
