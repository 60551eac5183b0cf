"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DateTime } from "../_components/time";
import { useTRPC } from "../_lib/trpc";
import { JsonValue } from "./json-value";
import { Badge, Button, cx, InlineError, Input, Loading, Spinner, Textarea } from "./ui";

export type JsonObject = Record<string, unknown>;

const RESERVED = "system";

/** Strict JSON object parsing with a message a person can act on. */
export function parseJsonObject(text: string): { value?: JsonObject; error?: string } {
  if (text.trim() === "") return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { error: 'Metadata must be a JSON object, like {"key": "value"}.' };
  }
  if (Object.hasOwn(parsed, RESERVED))
    return { error: `The "${RESERVED}" key is reserved for Engram's enrichment.` };
  return { value: parsed as JsonObject };
}

/** A value typed into a key/value row: JSON when it parses (numbers, true, lists...), else plain text. */
function parseLooseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function JsonField({
  id,
  value,
  onChange,
  error,
  rows = 5,
  placeholder = '{"plan": "pro"}',
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  rows?: number;
  placeholder?: string;
}) {
  return (
    <div>
      <Textarea
        id={id}
        rows={rows}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={cx(error && "ring-red-400 focus:ring-red-500 dark:ring-red-500/60")}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function renderValue(value: unknown) {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Text as text; numbers, lists and objects as JSON, nested ones collapsible. */
export function MetadataValue({ value }: { value: unknown }) {
  if (typeof value === "string")
    return (
      <span className="wrap-anywhere" dir="auto">
        {value}
      </span>
    );
  return <JsonValue value={value} />;
}

/** Tags live in metadata under `tags`, as a list of strings. */
function tagsOf(metadata: JsonObject): string[] {
  return Array.isArray(metadata.tags)
    ? metadata.tags.filter((tag): tag is string => typeof tag === "string")
    : [];
}

/** A metadata change as the update procedures take it: keys merged in, then keys removed. */
export type MetadataPatch = { metadata?: JsonObject; remove_metadata_keys?: string[] };

/** Shows metadata as keys and values with tags on top, and edits it as patches (merge, or remove keys). */
export function MetadataPanel({
  metadata,
  canEdit,
  onPatch,
  pending,
  error,
  compact,
}: {
  metadata: JsonObject;
  canEdit: boolean;
  onPatch: (patch: MetadataPatch) => Promise<unknown>;
  pending?: boolean;
  error?: string;
  compact?: boolean;
}) {
  const formId = useId();
  const [mode, setMode] = useState<"view" | "json">("view");
  const [newKey, setNewKey] = useState("");
  const [newValue, setNewValue] = useState("");
  const [newTag, setNewTag] = useState("");
  const [jsonText, setJsonText] = useState("");
  const [localError, setLocalError] = useState<string>();
  const [editing, setEditing] = useState<{ key: string; text: string } | null>(null);

  const visible = Object.entries(metadata).filter(([key]) => key !== "tags");
  const system = metadata[RESERVED];
  const tags = tagsOf(metadata);
  const editable = visible.filter(([key]) => key !== RESERVED);

  async function patch(value: MetadataPatch) {
    setLocalError(undefined);
    try {
      await onPatch(value);
      return true;
    } catch {
      return false;
    }
  }

  async function addKey(event: FormEvent) {
    event.preventDefault();
    const key = newKey.trim();
    if (!key) return setLocalError("Give the key a name.");
    if (key === RESERVED) return setLocalError(`The "${RESERVED}" key is reserved for Engram's enrichment.`);
    if (await patch({ metadata: { [key]: parseLooseValue(newValue) } })) {
      setNewKey("");
      setNewValue("");
    }
  }

  async function addTag(event: FormEvent) {
    event.preventDefault();
    const tag = newTag.trim();
    if (!tag || tags.includes(tag)) return setNewTag("");
    if (await patch({ metadata: { tags: [...tags, tag] } })) setNewTag("");
  }

  async function saveJson() {
    const parsed = parseJsonObject(jsonText);
    if (parsed.error) return setLocalError(parsed.error);
    // Keys missing from the edited object are removed, so the editor behaves like a replace.
    const removed = Object.keys(metadata).filter((key) => key !== RESERVED && !(key in parsed.value!));
    if (await patch({ metadata: parsed.value, remove_metadata_keys: removed })) setMode("view");
  }

  function openJson() {
    const { [RESERVED]: _system, ...rest } = metadata;
    setJsonText(JSON.stringify(rest, null, 2));
    setLocalError(undefined);
    setMode("json");
  }

  const shownError = localError ?? error;

  if (mode === "json") {
    return (
      <div className="space-y-2">
        <JsonField
          id={`${formId}-json`}
          value={jsonText}
          onChange={setJsonText}
          rows={8}
          error={shownError}
        />
        <div className="flex gap-2">
          <Button size="sm" variant="primary" onClick={saveJson} disabled={pending}>
            {pending && <Spinner />} Save JSON
          </Button>
          <Button size="sm" onClick={() => setMode("view")}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-1.5">
        {tags.map((tag) => (
          <Badge key={tag} tone="indigo">
            <bdi>{tag}</bdi>
            {canEdit && (
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                className="-mr-0.5 rounded-sm px-0.5 hover:bg-indigo-200/60 dark:hover:bg-indigo-400/20"
                onClick={() => patch({ metadata: { tags: tags.filter((other) => other !== tag) } })}
              >
                ×
              </button>
            )}
          </Badge>
        ))}
        {canEdit && (
          <form onSubmit={addTag} className="inline-flex">
            <input
              aria-label="Add tag"
              placeholder="+ tag"
              value={newTag}
              onChange={(event) => setNewTag(event.target.value)}
              className="w-20 rounded-md border border-dashed border-zinc-300 bg-transparent px-1.5 py-0.5 text-xs focus:w-32 focus:border-indigo-500 focus:outline-none dark:border-zinc-700"
            />
          </form>
        )}
        {!canEdit && tags.length === 0 && <span className="text-xs text-zinc-400">No tags</span>}
      </div>

      {editable.length === 0 && system === undefined ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">No metadata yet.</p>
      ) : (
        <dl
          className={cx(
            "divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200 dark:divide-zinc-800 dark:ring-zinc-800",
            compact && "text-xs",
          )}
        >
          {editable.map(([key, value]) => (
            <div key={key} className="group flex items-start gap-3 px-3 py-2">
              <dt
                className="w-1/3 shrink-0 truncate font-mono text-xs text-zinc-500 dark:text-zinc-400"
                title={key}
              >
                {key}
              </dt>
              <dd className="flex min-w-0 flex-1 items-start gap-2 wrap-anywhere text-zinc-900 dark:text-zinc-100">
                <div className="min-w-0 flex-1">
                  {editing?.key === key ? (
                    <form
                      className="flex gap-1.5"
                      onSubmit={async (event) => {
                        event.preventDefault();
                        if (await patch({ metadata: { [key]: parseLooseValue(editing.text) } }))
                          setEditing(null);
                      }}
                    >
                      <Input
                        aria-label={`Value of ${key}`}
                        autoFocus
                        value={editing.text}
                        onChange={(event) => setEditing({ key, text: event.target.value })}
                        onKeyDown={(event) => event.key === "Escape" && setEditing(null)}
                        className="py-1 text-xs"
                      />
                      <Button size="sm" type="submit" variant="primary" disabled={pending}>
                        Save
                      </Button>
                    </form>
                  ) : (
                    <MetadataValue value={value} />
                  )}
                </div>
                {canEdit && editing?.key !== key && (
                  <div className="flex shrink-0 gap-0.5">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit ${key}`}
                      onClick={() => setEditing({ key, text: renderValue(value) })}
                    >
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${key}`}
                      onClick={() => patch({ remove_metadata_keys: [key] })}
                    >
                      Remove
                    </Button>
                  </div>
                )}
              </dd>
            </div>
          ))}
          {system !== undefined && (
            <div className="flex items-start gap-3 bg-zinc-50/60 px-3 py-2 dark:bg-zinc-800/30">
              <dt className="w-1/3 shrink-0 font-mono text-xs text-zinc-500">
                system <Badge className="ml-1">enrichment</Badge>
              </dt>
              <dd className="min-w-0 flex-1 text-zinc-600 dark:text-zinc-400">
                <JsonValue value={system} />
              </dd>
            </div>
          )}
        </dl>
      )}

      {canEdit && (
        <form onSubmit={addKey} className="space-y-1.5">
          <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-1.5">
            <Input
              aria-label="New key"
              placeholder="key"
              value={newKey}
              onChange={(e) => setNewKey(e.target.value)}
              className="py-1 text-xs"
            />
            <Input
              aria-label="New value"
              placeholder="value: text or JSON"
              value={newValue}
              onChange={(e) => setNewValue(e.target.value)}
              className="py-1 text-xs"
            />
          </div>
          <div className="flex items-center gap-1.5">
            <Button size="sm" type="submit" disabled={pending}>
              Add key
            </Button>
            <Button size="sm" variant="ghost" onClick={openJson}>
              Edit as JSON
            </Button>
          </div>
        </form>
      )}
      <InlineError>{shownError}</InlineError>
    </div>
  );
}

type Change = { before: JsonObject; after: JsonObject };

/** The keys a change touched, each with its value before and after. */
function diffOf(change: Change) {
  const keys = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
  return keys
    .filter((key) => JSON.stringify(change.before[key]) !== JSON.stringify(change.after[key]))
    .map((key) => ({ key, before: change.before[key], after: change.after[key] }));
}

/** A value in a change; a key missing before was absent, a key missing after was removed. */
function shown(value: unknown, side: "before" | "after") {
  if (value === undefined) {
    return <span className="text-zinc-400 italic">{side === "before" ? "absent" : "removed"}</span>;
  }
  return JSON.stringify(value);
}

export function MetadataHistory({
  entityType,
  entityId,
  includeMessages,
}: {
  entityType: "user" | "session" | "message";
  entityId: string;
  /** For a session: its messages' edits too, each linked to its message. */
  includeMessages?: boolean;
}) {
  const trpc = useTRPC();
  const history = useQuery({
    ...trpc.audit.metadataHistory.queryOptions({
      entity_type: entityType,
      entity_id: entityId,
      limit: 50,
      include_messages: includeMessages || undefined,
    }),
    refetchInterval: 15_000,
  });
  if (history.isPending) return <Loading label="Loading history…" />;
  if (history.isError) return <InlineError>{history.error.message}</InlineError>;
  const changes = history.data.changes;
  if (changes.length === 0)
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Metadata history">
      {changes.map((change) => (
        <li
          key={change.id}
          data-testid="metadata-change"
          className="relative border-l-2 border-zinc-200 pl-3 dark:border-zinc-700"
        >
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            <span className="font-medium text-zinc-800 dark:text-zinc-200" title={change.actor}>
              {change.actor_name}
            </span>{" "}
            · <DateTime iso={change.created_at} style="relative" />
            {change.entity_type === "message" && entityType !== "message" && (
              <>
                {" "}
                ·{" "}
                <a href={`#${change.entity_id}`} className="text-indigo-700 underline dark:text-indigo-300">
                  on a message
                </a>
              </>
            )}
          </p>
          {change.field === "user_id" && (
            <p className="mt-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Session user changed</p>
          )}
          <ul className="mt-1 space-y-0.5 font-mono text-xs">
            {diffOf(change).map((entry) => (
              <li key={entry.key} className="wrap-anywhere">
                <span className="text-zinc-600 dark:text-zinc-300">{entry.key}</span>:{" "}
                <span
                  dir="auto"
                  className="text-red-700 line-through decoration-red-400/60 dark:text-red-400"
                >
                  {shown(entry.before, "before")}
                </span>{" "}
                →{" "}
                <span dir="auto" className="text-emerald-700 dark:text-emerald-400">
                  {shown(entry.after, "after")}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
