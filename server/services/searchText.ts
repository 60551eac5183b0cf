import { type Placeholder, sql } from "drizzle-orm";

/*
 * What a search text asks for. People search memory with questions ("what is my flight
 * number?") that share few words with the message holding the answer ("Our flight is TP 1351"),
 * so a question is not one full-text query that must match as a whole: its question words are
 * removed, each remaining word may match on its own (by stem, or by prefix to reach other forms of
 * it: "allergies" → "allergic"), words side by side in the question rank higher side by side in a
 * message, and names also match by trigram similarity (misspelled names). Texts in web-search
 * syntax (quoted phrases, `or`, `-word`) keep that syntax's meaning.
 */

/** Words that say what kind of question it is, not what it is about. */
const questionWords = new Set(
  (
    "what what's whats which who who's whom whose when where why how is are was were am be been being do does " +
    "did done can could would should will shall may might have has had i me my mine myself we us our ours " +
    "you your yours it its they them their the a an of to in on at for from with about by again remember " +
    "recall tell told know say said mention mentioned please any some there that this these those name " +
    "named called kind sort type much many ever still also and or not no get got give gave s"
  ).split(" "),
);

const firstPersonWords = new Set(["i", "me", "my", "mine", "myself", "we", "us", "our", "ours"]);

/** Longest search text read for terms; more words add cost and no precision. */
const MAX_TERMS = 12;
/** Words this long or longer also match by a prefix of at least PREFIX_FROM - 1 letters. */
const PREFIX_FROM = 7;
/** Word similarity from which a trigram near miss counts (pg_trgm's 0.6 misses one swapped letter). */
export const TRIGRAM_THRESHOLD = 0.45;

export interface SearchText<V = string> {
  /** The text as typed. */
  text: V;
  /** Web-search syntax (quotes, or, -word): the whole text is one websearch_to_tsquery. */
  webSyntax: boolean;
  /** Content words, lower case, in order, without repeats. */
  terms: V[];
  /** One `to_tsquery` operand per term: its stem, or its stem or a shorter prefix. */
  termQueries: V[];
  /** Every term's operand joined with `|`. */
  anyTermQuery: V;
  /** Every term's operand joined with `&`. */
  allTermsQuery: V;
  /** Neighbouring terms as phrases (`a <-> b | b <-> c`), empty with fewer than two terms. */
  phraseQuery: V | "";
  /** Words matched by trigram similarity: the names in the text, or every term of a short text. */
  trigramTerms: V[];
  /** LIKE patterns, joined by `|`, one of which every near miss of a trigram term matches, lower-cased (see `nearMissGate`). */
  trigramGate?: V;
  /** The text speaks in the first person: facts the person stated about themselves answer it. */
  firstPerson: boolean;
}

/**
 * A search text's statement shape and values: one prepared statement serves every text of that
 * shape (how many terms, trigram terms, phrases, first person), with `values` filling in the
 * placeholders that `placeholders()` (called only when the statement is built) puts in its place.
 */
export function searchTextPlaceholders(query: SearchText): {
  shape: string;
  placeholders: () => SearchText<Placeholder>;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {
    text: query.text,
    anyTermQuery: query.anyTermQuery,
    allTermsQuery: query.allTermsQuery,
  };
  query.terms.forEach((term, index) => {
    values[`term${index}`] = term;
  });
  query.termQueries.forEach((term, index) => {
    values[`termQuery${index}`] = term;
  });
  query.trigramTerms.forEach((term, index) => {
    values[`trigramTerm${index}`] = term;
  });
  if (query.phraseQuery) values.phraseQuery = query.phraseQuery;
  if (query.trigramGate) values.trigramGate = query.trigramGate;
  const slot = (name: string) => sql.placeholder(name);
  const placeholders = (): SearchText<Placeholder> => ({
    text: slot("text"),
    webSyntax: query.webSyntax,
    terms: query.terms.map((_, index) => slot(`term${index}`)),
    termQueries: query.termQueries.map((_, index) => slot(`termQuery${index}`)),
    anyTermQuery: slot("anyTermQuery"),
    allTermsQuery: slot("allTermsQuery"),
    phraseQuery: query.phraseQuery ? slot("phraseQuery") : "",
    trigramTerms: query.trigramTerms.map((_, index) => slot(`trigramTerm${index}`)),
    ...(query.trigramGate && { trigramGate: slot("trigramGate") }),
    firstPerson: query.firstPerson,
  });
  const shape = `${query.webSyntax ? "web" : "terms"}_${query.termQueries.length}_${query.trigramTerms.length}_${
    query.trigramGate ? "gated" : ""
  }_${query.phraseQuery ? "phrase" : ""}_${query.firstPerson ? "first" : ""}`;
  return { shape, placeholders, values };
}

const wordPattern = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const apostrophe = /['’]/;

/**
 * A prefix short enough to reach other forms of the word ("allergies" → "allerg", which
 * "allergic" starts with), long enough that a misspelling stays a near miss ("airprot").
 */
function prefixOf(term: string): string | undefined {
  if (term.length < PREFIX_FROM || /\p{N}/u.test(term)) return undefined;
  return term.slice(0, Math.max(PREFIX_FROM - 1, term.length - 3));
}

/**
 * LIKE patterns (joined by `|`), one of which the lower-cased text of every near miss of a term
 * matches, when such a test is exact: a cheap test that spares most rows the trigram similarity
 * (the costliest part of a search). pg_trgm pads a word with two spaces before it and one after, so a term of n letters
 * has three trigrams with a space and n - 2 made of its own letters. Word similarity is the share
 * of the term's distinct trigrams found in the best stretch of the text; when three of them fall
 * short of the threshold, a near miss shares a trigram of the term's own letters, and the text,
 * lower-cased as pg_trgm does, holds those three letters side by side. Only for terms of ASCII
 * letters and digits: pg_trgm keeps other trigrams as hashes, which may collide.
 */
export function nearMissGate(terms: string[]): string | undefined {
  const inner: string[] = [];
  for (const term of terms) {
    if (!/^[a-z0-9]+$/.test(term)) return undefined;
    // The term's distinct trigrams: three with a space (`  t`, ` te`, `rm `: a term of two letters
    // or more), and its own letters three by three.
    const own: string[] = [];
    for (let index = 0; index + 3 <= term.length; index++) {
      const trigram = term.slice(index, index + 3);
      if (!own.includes(trigram)) own.push(trigram);
    }
    if (TRIGRAM_THRESHOLD * (own.length + 3) <= 3) return undefined;
    for (const trigram of own) if (!inner.includes(trigram)) inner.push(trigram);
  }
  return inner.length > 0 ? `%${inner.join("%|%")}%` : undefined;
}

export function parseSearchText(text: string): SearchText {
  const webSyntax = /["]|(^|\s)-\p{L}|\sor\s/iu.test(text);
  const words = text.match(wordPattern) ?? [];
  const terms: string[] = [];
  const names: string[] = [];
  let firstPerson = false;
  words.forEach((word, index) => {
    const quoted = apostrophe.test(word);
    const base = quoted ? word.replace(/['’]s$/iu, "") : word;
    // tsquery syntax gives quotes a meaning: a contraction's letters are the term.
    const lower = quoted ? base.toLowerCase().replace(/['’]/gu, "") : word.toLowerCase();
    if (firstPersonWords.has(lower) || (quoted && /^i['’]/iu.test(word))) firstPerson = true;
    if (questionWords.has(lower) || lower.length < 2) return;
    if (!terms.includes(lower) && terms.length < MAX_TERMS) terms.push(lower);
    // A capital inside the text is a name; at its start only when it is not a question word.
    if (/^\p{Lu}/u.test(base) && (index > 0 || words.length === 1)) names.push(lower);
  });
  const termQueries = terms.map((term) => {
    const prefix = prefixOf(term);
    return prefix ? `(${term} | ${prefix}:*)` : term;
  });
  const phrases = terms.slice(1).map((term, index) => `(${terms[index]} <-> ${term})`);
  const trigramTerms = terms.length <= 2 ? terms : [...new Set(names)];
  const trigramGate = nearMissGate(trigramTerms);
  return {
    text,
    webSyntax,
    terms,
    termQueries,
    anyTermQuery: termQueries.join(" | "),
    allTermsQuery: termQueries.join(" & "),
    phraseQuery: phrases.join(" | "),
    trigramTerms,
    ...(trigramGate && { trigramGate }),
    firstPerson,
  };
}
