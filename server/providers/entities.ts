import nlp from "compromise";

/** Entity labels as Zep writes them (spaCy's names). */
export type EntityLabel = "PERSON" | "GPE" | "ORG";

/** One named entity and where it occurs, in Zep's shape for `metadata.system.entities`. */
export interface Entity {
  Label: EntityLabel;
  Name: string;
  Matches: { Start: number; End: number; Text: string }[];
}

interface Match {
  text: string;
  offset: { start: number; length: number };
}

const trailingPunctuation = /[\s.,;:!?'"”’)\]]+$/u;

/**
 * Capitalized words that start sentences or stand for the speaker and never name a person, place
 * or organization. Text whose every capitalized word is one of these names nothing the tagger
 * could find (names are capitalized), so it is not tagged at all: tagging costs about 2 ms of CPU
 * per message, and most turns of a conversation (the assistant's especially) are such text.
 */
const NEVER_NAMES = new Set(
  (
    "I I'm I've I'll I'd I’m I’ve I’ll I’d A An The This That These Those It It's It’s Its " +
    "We We're We’re We've We’ve We'll We’ll You You're You’re You've You’ve You'll You’ll Your Yours " +
    "He He's She She's They They're They’re Their My Our His Her Me Us Them " +
    "Hi Hello Hey Thanks Thank Yes No Ok OK Okay Please Sorry Sure Great Good Well Oh " +
    "Can Could Would Should Will Shall Is Are Was Were Do Does Did Don't Don’t Have Has Had " +
    "What What's What’s When Where Why How Which Who If But And Or So Also Then There There's There’s " +
    "Here Here's Here’s Let Let's Let’s In On At For To Of With As By From After Before Not Just " +
    "All Any Some Each Every One Once Now Today Yesterday Tomorrow First Next Finally Unfortunately"
  ).split(" "),
);

/** Whether `text` has a capitalized word that might start a name. */
function mayName(text: string): boolean {
  for (const [word] of text.matchAll(/\p{Lu}[\p{L}'’]*/gu)) if (!NEVER_NAMES.has(word)) return true;
  return false;
}

/** Sentences (or lines) of text, each with its trailing punctuation and space. */
const SENTENCE = /[^.!?\n]*(?:[.!?]+|\n+|$)[^\S\n]*/gu;

/**
 * People, places and organizations named in `text`. Only the runs of sentences that may name
 * something are tagged (each run at once, so a name split by an abbreviation's period stays whole);
 * a sentence whose capitals are all sentence starters or pronouns is skipped.
 */
export function extractEntities(text: string): Entity[] {
  if (!mayName(text)) return [];
  const found = new Map<string, Entity>();
  let runStart = -1;
  let runEnd = -1;
  const tagRun = () => {
    if (runStart >= 0) tagInto(found, text.slice(runStart, runEnd), runStart);
    runStart = -1;
  };
  for (const match of text.matchAll(SENTENCE)) {
    if (match[0] === "") continue;
    if (mayName(match[0])) {
      if (runStart < 0) runStart = match.index;
      runEnd = match.index + match[0].length;
    } else {
      tagRun();
    }
  }
  tagRun();
  return [...found.values()];
}

/** Tags `text` (found at `offset` in the whole) and adds what it names to `found`. */
function tagInto(found: Map<string, Entity>, text: string, offset: number) {
  const doc = nlp(text);
  const collect = (label: EntityLabel, matches: Match[]) => {
    for (const match of matches) {
      const name = match.text.replace(trailingPunctuation, "").replace(/^[\s"'“(]+/u, "");
      if (name.length < 2) continue;
      const start = offset + match.offset.start + match.text.indexOf(name);
      const key = `${label}:${name.toLowerCase()}`;
      const entity = found.get(key) ?? { Label: label, Name: name, Matches: [] };
      entity.Matches.push({ Start: start, End: start + name.length, Text: name });
      found.set(key, entity);
    }
  };
  collect("PERSON", doc.people().json({ offset: true }) as Match[]);
  collect("GPE", doc.places().json({ offset: true }) as Match[]);
  collect("ORG", doc.organizations().json({ offset: true }) as Match[]);
}

/** Longest piece of text handed to the NLP library at once (tens of milliseconds of work). */
const SLICE_CHARS = 1_000;

/** Where the slice starting at `from` ends: after a sentence, else a space, near SLICE_CHARS. */
function sliceEnd(text: string, from: number): number {
  const limit = from + SLICE_CHARS;
  if (limit >= text.length) return text.length;
  const window = text.slice(from, limit);
  const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("\n"));
  if (sentence >= SLICE_CHARS / 2) return from + sentence + 1;
  const space = window.lastIndexOf(" ");
  if (space > 0) return from + space + 1;
  const previous = text.charCodeAt(limit - 1);
  return previous >= 0xd800 && previous <= 0xdbff ? limit + 1 : limit;
}

/**
 * `extractEntities` for text of any length: long text goes to the NLP library a slice at a time
 * (cut between sentences or words), with `pause` awaited between slices, so that a long message
 * (a 100 KiB one takes seconds) does not hold up everything else the process does.
 */
export async function extractEntitiesInSlices(text: string, pause: () => Promise<void>): Promise<Entity[]> {
  if (text.length <= SLICE_CHARS) return extractEntities(text);
  const found = new Map<string, Entity>();
  for (let start = 0; start < text.length; ) {
    const end = sliceEnd(text, start);
    for (const entity of extractEntities(text.slice(start, end))) {
      const key = `${entity.Label}:${entity.Name.toLowerCase()}`;
      const merged = found.get(key) ?? { Label: entity.Label, Name: entity.Name, Matches: [] };
      for (const match of entity.Matches) {
        merged.Matches.push({ Start: match.Start + start, End: match.End + start, Text: match.Text });
      }
      found.set(key, merged);
    }
    start = end;
    if (start < text.length) await pause();
  }
  return [...found.values()];
}
