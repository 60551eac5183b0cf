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
