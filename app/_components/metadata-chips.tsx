import { Badge } from "./ui";

/** A metadata value short enough for a chip. */
function chipValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

const SHOWN = 3;

/** The first few of a row's metadata: `tags` as tags, other keys as `key: value` chips. */
export function MetadataChips({ metadata }: { metadata: Record<string, unknown> }) {
  const tags = Array.isArray(metadata.tags)
    ? metadata.tags.filter((tag): tag is string => typeof tag === "string")
    : [];
  const keys = Object.keys(metadata).filter(
    (key) => key !== "tags" && key !== "system" && metadata[key] !== null,
  );
  if (tags.length === 0 && keys.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-1">
      {tags.slice(0, SHOWN).map((tag) => (
        <Badge key={tag} tone="indigo">
          <bdi>{tag}</bdi>
        </Badge>
      ))}
      {keys.slice(0, SHOWN).map((key) => (
        <Badge key={key} className="max-w-full font-normal">
          <span className="truncate" data-testid="metadata-chip" dir="auto">
            <span className="font-medium">{key}:</span> <bdi dir="auto">{chipValue(metadata[key])}</bdi>
          </span>
        </Badge>
      ))}
      {keys.length > SHOWN && <Badge>+{keys.length - SHOWN}</Badge>}
    </div>
  );
}
