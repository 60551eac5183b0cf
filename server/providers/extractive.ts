import { countTokens } from "./tokenizer";

/*
 * The built-in summarizer: no network, no model. A memory is worth keeping for what a person will
 * need later, so sentences are scored for information (numbers, dates, names, first-person
 * statements of identity, preference, plan or constraint), never for how typical they are of the
 * conversation: the rare, specific statement is the one to keep. Scores are absolute, so a fact
 * kept once keeps its score in every later fold and only something more informative displaces it.
 * Sentences are compressed (pleasantries dropped, openers trimmed, near-duplicates merged) before
 * anything is dropped, and the summary stays within a token budget.
 */

export interface SummaryLine {
  role: string;
  content: string;
}

export interface ExtractiveOptions {
  /** The longest summary, in tokens (cl100k). */
  maxTokens?: number;
}

interface Candidate {
  text: string;
  words: Set<string>;
  order: number;
  score: number;
}

const stopWords = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have " +
    "having he her here hers herself him himself his how i if in into is it its itself just let me more " +
    "most my myself no nor not now of off on once only or other our ours ourselves out over own same she " +
    "should so some such than that the their theirs them themselves then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with " +
    "would you your yours yourself yourselves yes yeah ok okay oh hi hello hey thanks thank please sure " +
    "really also well like get got know think going go im i'm it's that's dont don't can't i'd i've i'll " +
    "good great fine cool nice sounds right alright noted glad haha hmm wow ooh ah lot bit maybe"
  ).split(" "),
);

/** Openers that carry nothing: trimmed from the start of a sentence before it is scored. */
const opener =
  /^(?:(?:oh|ah|ooh|hmm+|haha|ha|well|okay|ok|right|so|anyway|honestly|actually|also|plus|and|but|wow|yes|yeah|sure|great|cool|perfect|thanks|thank you|by the way|btw|just so you know|for the record|before i forget|quick thing|fun detail|unrelated,? but important|good question|got it|noted|understood)\b[\s,.!:;—–-]*)+/i;

/** A first-person statement: what the speaker is, has, wants, plans or cannot do. */
const firstPerson = /\b(?:my|our|mine|ours|i|i'm|i've|i'll|i'd|we|we're|we've|we'll|me|us)\b/i;
/** Words of identity, relation, preference, plan, commitment or constraint. */
const commitment =
  /\b(?:prefer|always|never|allergic|allergy|need|needs|must|have to|has to|can't|cannot|won't|don't|avoid|unable|booked|reserved|agreed|promised|plan|planning|keep|take|live|lives|work|works|born|birthday|turn|name|named|called|call me|married|budget|diet|vegetarian|vegan|sister|brother|mother|father|son|daughter|cousin|partner|wife|husband|friend|colleague|boss|dog|cat|phone|mobile|email|address|number|code|ticket|tickets|policy|passport|appointment|deadline|wedding|meeting|hurts|injury|surgery|pain|bad)\b/i;
/** Musings, guesses and suggestions are chatter even in the first person. */
const hedge =
  /\b(?:i wonder|i've heard|i heard|i guess|guessed|i suppose|i think|maybe|perhaps|let's|i'd rather|could we|i'd give|i'd suggest|i'd recommend|i would)\b/i;
/** Acknowledgements and reactions: nothing to remember unless they carry a number or a name. */
const acknowledgement =
  /\b(?:in mind|made a note|take note|noted|good to know|useful to know|thanks?|thank you|you're welcome|no problem|no worries|sounds (?:good|great|fun|nice)|makes sense|fair enough|got it|will do|of course|my pleasure|i see|that helps|never have guessed)\b/i;
const anaphor = /\b(?:that|it|this|those|them)\b/i;
const dateWord =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|next week|\d{1,2}(?:st|nd|rd|th))\b/i;

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const maxSentenceChars = 320;

function splitSentences(content: string): string[] {
  return content
    .split(/\n+|(?<=[.!?…])\s+(?=["'“(\p{Lu}\p{N}])/u)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

/** The sentence without its empty opener, clipped to a bounded length. */
function compress(sentence: string): string {
  let text = sentence.replace(opener, "");
  if (text.length === 0) return "";
  text = text[0]!.toUpperCase() + text.slice(1);
  return text.length > maxSentenceChars ? `${text.slice(0, maxSentenceChars - 1)}…` : text;
}

/** How much a person would need this sentence later: absolute, so it is the same in every fold. */
function informationScore(sentence: string, words: Set<string>): number {
  if (words.size === 0) return 0;
  const tokens = sentence.match(wordPattern) ?? [];
  let numbers = 0;
  let names = 0;
  let identifiers = 0;
  tokens.forEach((token, index) => {
    if (/\p{N}/u.test(token)) {
      numbers += 1;
      // Codes, amounts, times and long numbers identify something; "11 minutes" does not.
      if (/\p{L}/u.test(token) || /\p{N}{3}|\p{N}[-:,.]\p{N}/u.test(token)) identifiers += 1;
    }
    // A capital that does not start the sentence is a name.
    else if (index > 0 && /^\p{Lu}/u.test(token) && !/^I(?:'|’|$)/u.test(token)) names += 1;
  });
  const specific = numbers > 0 || names > 0;
  if (!specific && words.size <= 4 && acknowledgement.test(sentence)) return 0;
  if (!specific && words.size <= 2 && anaphor.test(sentence)) return 0;
  let score = 0.1 * Math.min(words.size, 10);
  if (numbers > 0) score += 2 + 0.5 * Math.min(numbers - 1, 2);
  if (identifiers > 0) score += 1.5;
  if (names > 0) score += 1 + 0.5 * Math.min(names - 1, 2);
  if (dateWord.test(sentence)) score += 1;
  const personal = firstPerson.test(sentence);
  if (personal) score += 3;
  if (commitment.test(sentence)) score += personal ? 2.5 : 0.5;
  if (hedge.test(sentence)) score -= 3;
  if (sentence.endsWith("?")) score *= 0.4;
  return Math.max(0, score);
}

function contentWords(sentence: string): Set<string> {
  const words = new Set<string>();
  for (const token of sentence.match(wordPattern) ?? []) {
    const lower = token.toLowerCase();
    if (lower.length > 1 && !stopWords.has(lower)) words.add(lower);
  }
  return words;
}

/** Shared words over the smaller set: 1 when one sentence says nothing the other does not. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

// Summary lines come back in every fold: their token counts and scores are remembered (bounded;
// a pure function of the text, so remembering changes no result).
const tokenCache = new Map<string, number>();
function tokensOf(text: string): number {
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    if (tokenCache.size >= 50_000) tokenCache.clear();
    tokens = countTokens(text) + 1;
    tokenCache.set(text, tokens);
  }
  return tokens;
}

const carriedCache = new Map<string, { words: Set<string>; score: number }>();
function scoreCarried(sentence: string): { words: Set<string>; score: number } {
  let scored = carriedCache.get(sentence);
  if (!scored) {
    if (carriedCache.size >= 50_000) carriedCache.clear();
    const words = contentWords(sentence);
    scored = { words, score: informationScore(sentence, words) };
    carriedCache.set(sentence, scored);
  }
  return scored;
}

function candidate(
  speaker: string,
  sentence: string,
  order: number,
  carried: boolean,
): Candidate | undefined {
  if (carried) {
    const { words, score } = scoreCarried(sentence);
    return score > 0 ? { text: `${speaker}${sentence}`, words, order, score } : undefined;
  }
  const compressed = compress(sentence);
  if (!compressed) return undefined;
  const words = contentWords(compressed);
  // An acknowledgement is judged whole: "Noted, thanks for telling me." is not "For telling me."
  const score =
    compressed === sentence || informationScore(sentence, contentWords(sentence)) > 0
      ? informationScore(compressed, words)
      : 0;
  if (score <= 0) return undefined;
  return { text: `${speaker}${compressed}`, words, order, score };
}

/** Near-duplicates of what is already chosen add nothing. */
const DUPLICATE_OVERLAP = 0.8;

/** Folds messages into a previous summary of at most `maxTokens` tokens. Same input, same output. */
export function summarizeExtractively(
  previous: string | undefined,
  messages: SummaryLine[],
  options: ExtractiveOptions = {},
): string {
  const maxTokens = options.maxTokens ?? 512;
  const candidates: Candidate[] = [];
  for (const line of (previous ?? "").split("\n")) {
    const [, speaker = "", sentence = ""] = /^([^:\n]{1,80}: )?(.*)$/.exec(line.trim()) ?? [];
    const item = sentence && candidate(speaker, sentence, candidates.length, true);
    if (item) candidates.push(item);
  }
  for (const message of messages) {
    for (const sentence of splitSentences(message.content)) {
      const item = candidate(`${message.role}: `, sentence, candidates.length, false);
      if (item) candidates.push(item);
    }
  }

  // Greedy by score, each candidate discounted by its overlap with what is already chosen, so a
  // summary holds many different facts rather than variations of one; near-duplicates are dropped.
  const chosen: Candidate[] = [];
  const redundancy = new Map<Candidate, number>(candidates.map((item) => [item, 0]));
  let used = 0;
  // A line costs at least a few tokens: with less left, nothing more fits.
  while (maxTokens - used >= 4) {
    let best: Candidate | undefined;
    let bestValue = 0;
    for (const [item, overlapWithChosen] of redundancy) {
      const value = item.score * (1 - 0.5 * overlapWithChosen);
      if (value > bestValue || (value === bestValue && best && item.order < best.order)) {
        best = item;
        bestValue = value;
      }
    }
    if (!best) break;
    redundancy.delete(best);
    // Tokens are counted only for the sentences that reach the top: most never do.
    const tokens = tokensOf(best.text);
    if (used + tokens > maxTokens) continue;
    chosen.push(best);
    used += tokens;
    for (const [item, overlapWithChosen] of redundancy) {
      const redundant = Math.max(overlapWithChosen, overlap(item.words, best.words));
      if (redundant >= DUPLICATE_OVERLAP) redundancy.delete(item);
      else redundancy.set(item, redundant);
    }
  }
  if (chosen.length === 0) {
    if (previous?.trim()) return previous.trim();
    const speakers = [...new Set(messages.map((message) => message.role))].join(", ");
    return `${speakers} exchanged ${messages.length} message${messages.length === 1 ? "" : "s"}.`;
  }
  return chosen
    .sort((a, b) => a.order - b.order)
    .map((item) => item.text)
    .join("\n");
}
