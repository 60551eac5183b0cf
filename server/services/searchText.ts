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
 * A search text's statement shape and values: the same fields as placeholders, so that one
 * prepared statement serves every text of that shape (how many terms, trigram terms, phrases,
 * first person), with `values` filling them in.
 */
export function searchTextPlaceholders(query: SearchText): {
  shape: string;
  placeholders: SearchText<Placeholder>;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {};
  const slot = (name: string, value: string) => {
    values[name] = value;
    return sql.placeholder(name);
  };
  const placeholders: SearchText<Placeholder> = {
    text: slot("text", query.text),
    webSyntax: query.webSyntax,
    terms: query.terms.map((term, index) => slot(`term${index}`, term)),
    termQueries: query.termQueries.map((term, index) => slot(`termQuery${index}`, term)),
    anyTermQuery: slot("anyTermQuery", query.anyTermQuery),
    allTermsQuery: slot("allTermsQuery", query.allTermsQuery),
    phraseQuery: query.phraseQuery ? slot("phraseQuery", query.phraseQuery) : "",
    trigramTerms: query.trigramTerms.map((term, index) => slot(`trigramTerm${index}`, term)),
    ...(query.trigramGate && { trigramGate: slot("trigramGate", query.trigramGate) }),
    firstPerson: query.firstPerson,
  };
  const shape = [
    query.webSyntax ? "web" : "terms",
    query.termQueries.length,
    query.trigramTerms.length,
    query.trigramGate ? "gated" : "",
    query.phraseQuery ? "phrase" : "",
    query.firstPerson ? "first" : "",
  ].join("_");
  return { shape, placeholders, values };
}

const wordPattern = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

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
    const padded = `  ${term} `;
    const trigrams = new Set(
      Array.from({ length: padded.length - 2 }, (_, index) => padded.slice(index, index + 3)),
    );
    if (TRIGRAM_THRESHOLD * trigrams.size <= 3) return undefined;
    for (const trigram of trigrams)
      if (!trigram.includes(" ") && !inner.includes(trigram)) inner.push(trigram);
  }
  return inner.length > 0 ? inner.map((trigram) => `%${trigram}%`).join("|") : undefined;
}

export function parseSearchText(text: string): SearchText {
  const webSyntax = /["]|(^|\s)-\p{L}|\sor\s/iu.test(text);
  const words = text.match(wordPattern) ?? [];
  const terms: string[] = [];
  const names: string[] = [];
  let firstPerson = false;
  words.forEach((word, index) => {
    const base = word.replace(/['’]s$/iu, "");
    // tsquery syntax gives quotes a meaning: a contraction's letters are the term.
    const lower = base.toLowerCase().replace(/['’]/gu, "");
    if (firstPersonWords.has(lower) || /^i['’]/iu.test(word)) firstPerson = true;
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
