"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { usePermissions } from "@/app/_components/account";
import { type JsonObject, MetadataHistory, MetadataPanel, MetadataValue } from "@/app/_components/metadata";
import { DateTime, useFormattedDate } from "@/app/_components/time";
import { Badge, Button, cx, roleTypeTone } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { MessageContent } from "./message-content";
import type { ToolLinks } from "./tool-calls";
import type { Message } from "./types";

const avatarTone: Record<string, string> = {
  user: "bg-indigo-100 text-indigo-700 dark:bg-indigo-500/20 dark:text-indigo-300",
  assistant: "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/20 dark:text-emerald-300",
  system: "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-300",
  function: "bg-violet-100 text-violet-700 dark:bg-violet-500/20 dark:text-violet-300",
  tool: "bg-sky-100 text-sky-700 dark:bg-sky-500/20 dark:text-sky-300",
  norole: "bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200",
};

/** Entities enrichment found in a message (`system.entities`, as Zep writes them). */
function entitiesOf(metadata: Record<string, unknown>): { Label: string; Name: string }[] {
  const system = metadata.system as { entities?: unknown } | undefined;
  if (!Array.isArray(system?.entities)) return [];
  return system.entities.filter(
    (entity): entity is { Label: string; Name: string } =>
      typeof entity === "object" &&
      entity !== null &&
      typeof (entity as { Name?: unknown }).Name === "string",
  );
}

export function MessageItem({
  message,
  sessionId,
  annotatable,
  linkable,
  highlighted,
  annotated,
  toolLinks,
}: {
  message: Message;
  sessionId: string;
  annotatable?: boolean;
  /** In the transcript: the message is the target of `#uuid` links. */
  linkable?: boolean;
  highlighted?: boolean;
  /** Someone flagged or noted something on it after it was added. */
  annotated?: boolean;
  toolLinks?: ToolLinks;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canAnnotate } = usePermissions();
  const [open, setOpen] = useState(false);
  const update = useMutation(
    trpc.messages.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.memory.get.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
    }),
  );
  const metadataKeys = Object.keys(message.metadata).filter(
    (key) => key !== "system" && message.metadata[key] !== null,
  );
  const entities = entitiesOf(message.metadata);
  const tags = Array.isArray(message.metadata.tags)
    ? (message.metadata.tags as unknown[]).filter((t) => typeof t === "string")
    : [];

  const createdAt = useFormattedDate(message.created_at);

  return (
    <article
      id={linkable ? message.uuid : undefined}
      className={cx(
        "group flex scroll-mt-16 gap-3 px-4 py-4 sm:px-5",
        annotated &&
          "border-l-4 border-amber-400 bg-amber-50/40 dark:border-amber-500/60 dark:bg-amber-500/5",
        highlighted &&
          "bg-amber-50 ring-2 ring-amber-300 ring-inset dark:bg-amber-500/10 dark:ring-amber-500/40",
      )}
      data-testid="message"
      data-highlighted={highlighted ? "true" : undefined}
      data-message-uuid={message.uuid}
      aria-label={`${message.role || message.role_type} at ${createdAt}`}
    >
      <div
        aria-hidden="true"
        className={cx(
          "flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold uppercase",
          avatarTone[message.role_type] ?? avatarTone.norole,
        )}
      >
        {(message.role || message.role_type).slice(0, 2)}
      </div>
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span dir="auto" className="font-semibold text-zinc-900 dark:text-zinc-100">
            {message.role || "—"}
          </span>
          <Badge tone={roleTypeTone[message.role_type]}>{message.role_type}</Badge>
          {annotated && <Badge tone="amber">Annotated</Badge>}
          {linkable ? (
            <a
              href={`#${message.uuid}`}
              className="text-xs text-zinc-500 hover:text-indigo-600 hover:underline dark:text-zinc-400 dark:hover:text-indigo-400"
              aria-label={`Link to this message (${createdAt})`}
            >
              <DateTime iso={message.created_at} style="time" />
            </a>
          ) : (
            <DateTime
              className="text-xs text-zinc-500 dark:text-zinc-400"
              iso={message.created_at}
              style="time"
            />
          )}
          <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {formatNumber(message.token_count)} tokens
          </span>
          {tags.map((tag) => (
            <Badge key={tag as string} tone="indigo">
              {tag as string}
            </Badge>
          ))}
          {annotatable && (
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              aria-expanded={open}
              onClick={() => setOpen((value) => !value)}
            >
              {open
                ? "Close"
                : canAnnotate
                  ? `Metadata${metadataKeys.length ? ` (${metadataKeys.length})` : ""}`
                  : "Metadata"}
            </Button>
          )}
        </header>
        <MessageContent message={message} links={toolLinks} />
        {entities.length > 0 && (
          <div className="mt-1.5 flex flex-wrap gap-1">
            {entities.map((entity) => (
              <Badge key={`${entity.Label}:${entity.Name}`} tone="sky" className="font-normal">
                <span className="font-mono text-[10px]">{entity.Label}</span> {entity.Name}
              </Badge>
            ))}
          </div>
        )}
        {!open && metadataKeys.filter((key) => key !== "tags").length > 0 && (
          <dl
            data-testid="message-metadata"
            className="mt-1.5 flex min-w-0 flex-wrap items-start gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400"
          >
            {metadataKeys
              .filter((key) => key !== "tags")
              .map((key) => (
                <div key={key} className="flex min-w-0 max-w-full items-start gap-1">
                  <dt className="shrink-0 font-mono">{key}:</dt>
                  <dd className="min-w-0 text-zinc-800 dark:text-zinc-200">
                    <MetadataValue value={message.metadata[key]} />
                  </dd>
                </div>
              ))}
          </dl>
        )}
        {open && (
          <div className="mt-3 grid gap-4 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200 md:grid-cols-2 dark:bg-zinc-950/50 dark:ring-zinc-800">
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Metadata</h3>
              <MetadataPanel
                compact
                metadata={message.metadata as JsonObject}
                canEdit={canAnnotate}
                pending={update.isPending}
                error={update.error?.message}
                onPatch={(patch) => update.mutateAsync({ sessionId, uuid: message.uuid, patch })}
              />
            </div>
            <div>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">History</h3>
              <MetadataHistory entityType="message" entityId={message.uuid} />
            </div>
          </div>
        )}
      </div>
    </article>
  );
}
