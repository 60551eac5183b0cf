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

/** People, places and organizations named in `text`. */
export function extractEntities(text: string): Entity[] {
  if (!/\p{Lu}/u.test(text)) return [];
  const doc = nlp(text);
  const found = new Map<string, Entity>();
  const collect = (label: EntityLabel, matches: Match[]) => {
    for (const match of matches) {
      const name = match.text.replace(trailingPunctuation, "").replace(/^[\s"'“(]+/u, "");
      if (name.length < 2) continue;
      const start = match.offset.start + match.text.indexOf(name);
      const key = `${label}:${name.toLowerCase()}`;
      const entity = found.get(key) ?? { Label: label, Name: name, Matches: [] };
      entity.Matches.push({ Start: start, End: start + name.length, Text: name });
      found.set(key, entity);
    }
  };
  collect("PERSON", doc.people().json({ offset: true }) as Match[]);
  collect("GPE", doc.places().json({ offset: true }) as Match[]);
  collect("ORG", doc.organizations().json({ offset: true }) as Match[]);
  return [...found.values()];
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
