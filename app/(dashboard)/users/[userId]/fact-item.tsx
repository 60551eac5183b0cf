"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { DateTime } from "../../../_components/time";
import { Badge, Button, InlineError, Input, Loading, Spinner } from "../../../_components/ui";
import { sessionHref } from "../../../_lib/format";
import { useTRPC } from "../../../_lib/trpc";

export type Fact = inferRouterOutputs<AppRouter>["facts"]["forUser"][number];

const endings: Record<string, string> = {
  contradicted: "contradicted by a later message",
  edited: "corrected",
  rejected: "rejected",
  source_deleted: "its source message was deleted",
};

const actionLabels: Record<string, string> = {
  added: "Added",
  restated: "Said again",
  invalidated: "No longer true",
  edited: "Corrected",
  pinned: "Pinned",
  unpinned: "Unpinned",
  rejected: "Rejected",
  deleted: "Deleted",
  source_deleted: "Source deleted",
  kept_pinned: "Kept (pinned) against a contradiction",
  kept_pinned_source_deleted: "Kept (pinned) though its sources were deleted",
};

/** Invalidates every facts query, so lists, history and memory agree after a change. */
function useFactMutation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.facts.pathKey() });
  return {
    edit: useMutation(trpc.facts.edit.mutationOptions({ onSuccess })),
    pin: useMutation(trpc.facts.pin.mutationOptions({ onSuccess })),
    reject: useMutation(trpc.facts.reject.mutationOptions({ onSuccess })),
  };
}

/** One fact: text, rating, validity, sources, and (for those who may annotate) its corrections. */
export function FactItem({
  fact,
  canAnnotate,
  successor,
}: {
  fact: Fact;
  canAnnotate: boolean;
  /** The sentence of the fact that replaced this one. */
  successor?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<"sources" | "history" | null>(null);
  const { edit, pin, reject } = useFactMutation();
  const [text, setText] = useState(fact.fact);
  const valid = fact.invalid_at === null;
  const error = edit.error?.message ?? pin.error?.message ?? reject.error?.message;

  async function save(event: FormEvent) {
    event.preventDefault();
    await edit.mutateAsync({ uuid: fact.uuid, patch: { fact: text } });
    setEditing(false);
  }

  return (
    <li
      data-testid={valid ? "fact" : "past-fact"}
      data-fact-uuid={fact.uuid}
      className="space-y-2 px-4 py-3 sm:px-5"
    >
      {editing ? (
        <form onSubmit={(event) => save(event).catch(() => {})} className="flex gap-2">
          <Input aria-label="Fact" value={text} onChange={(event) => setText(event.target.value)} autoFocus />
          <Button type="submit" variant="primary" size="sm" disabled={edit.isPending}>
            {edit.isPending && <Spinner />} Save
          </Button>
          <Button size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <p
          dir="auto"
          data-testid="fact-text"
          className={
            valid ? "text-sm text-zinc-900 dark:text-zinc-100" : "text-sm text-zinc-500 line-through"
          }
        >
          {fact.fact}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        <Badge tone={fact.rating >= 0.7 ? "indigo" : "zinc"}>rating {fact.rating.toFixed(2)}</Badge>
        {fact.pinned && <Badge tone="amber">pinned</Badge>}
        {fact.sources_deleted_at && (
          <Badge tone="zinc">
            <span data-testid="fact-sources-deleted">sources deleted</span>
          </Badge>
        )}
        <Badge tone={fact.origin === "manual" ? "violet" : "sky"}>
          {fact.origin === "manual" ? "by hand" : "extracted"}
        </Badge>
        <span>
          valid from <DateTime iso={fact.valid_at} />
        </span>
        {!valid && (
          <span data-testid="fact-ending">
            until <DateTime iso={fact.invalid_at} />:{" "}
            {endings[fact.invalid_reason ?? ""] ?? fact.invalid_reason}
            {successor && <> · now “{successor}”</>}
          </span>
        )}
      </div>
      <div className="flex flex-wrap gap-1.5">
        <Button size="sm" onClick={() => setOpen(open === "sources" ? null : "sources")}>
          Sources ({fact.source_message_uuids.length})
        </Button>
        <Button size="sm" onClick={() => setOpen(open === "history" ? null : "history")}>
          History
        </Button>
        {canAnnotate && valid && !editing && (
          <>
            <Button size="sm" onClick={() => setEditing(true)}>
              Correct
            </Button>
            <Button size="sm" onClick={() => pin.mutate({ uuid: fact.uuid, pinned: !fact.pinned })}>
              {fact.pinned ? "Unpin" : "Pin"}
            </Button>
            <Button size="sm" variant="danger" onClick={() => reject.mutate({ uuid: fact.uuid })}>
              Reject
            </Button>
          </>
        )}
      </div>
      <InlineError>{error}</InlineError>
      {open === "sources" && <FactSources uuids={fact.source_message_uuids} />}
      {open === "history" && <FactHistory uuid={fact.uuid} />}
    </li>
  );
}

/** The messages a fact was learnt from, each linking to its session. */
function FactSources({ uuids }: { uuids: string[] }) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.facts.sources.queryOptions({ uuids }));
  if (uuids.length === 0) return <p className="text-xs text-zinc-500">Added by hand, from no message.</p>;
  if (sources.isPending) return <Loading />;
  if (sources.isError) return <InlineError>{sources.error.message}</InlineError>;
  if (sources.data.length === 0) return <p className="text-xs text-zinc-500">Its messages were deleted.</p>;
  return (
    <ul className="space-y-1.5 text-xs" data-testid="fact-sources">
      {sources.data.map((message) => (
        <li key={message.uuid} className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-800/50">
          <Link
            href={sessionHref(message.session_id)}
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {message.session_id}
          </Link>{" "}
          · <DateTime iso={message.created_at} /> · <span className="font-medium">{message.role}:</span>{" "}
          <span dir="auto">
            {message.content.length > 240 ? `${message.content.slice(0, 239)}…` : message.content}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Who changed the fact and how, oldest first. */
function FactHistory({ uuid }: { uuid: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.facts.history.queryOptions({ uuid }));
  if (history.isPending) return <Loading />;
  if (history.isError) return <InlineError>{history.error.message}</InlineError>;
  return (
    <ol className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="fact-history">
      {history.data.changes.map((change) => (
        <li key={change.id}>
          <span className="font-medium text-zinc-800 dark:text-zinc-200">
            {actionLabels[change.action] ?? change.action}
          </span>{" "}
          by {change.actor} · <DateTime iso={change.created_at} />
          {change.before && change.after && change.before.fact !== change.after.fact && (
            <span> (was “{String(change.before.fact)}”)</span>
          )}
        </li>
      ))}
    </ol>
  );
}
