"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { usePermissions } from "../../../_components/account";
import {
  Button,
  Card,
  CardHeader,
  EmptyState,
  ErrorState,
  InlineError,
  Input,
  Loading,
  Select,
  Spinner,
} from "../../../_components/ui";
import { useTRPC } from "../../../_lib/trpc";
import { FactItem } from "./fact-item";

/** "What Engram knows": the user's current facts, their corrections, and the facts that ended. */
export function FactsPanel({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const { canAnnotate } = usePermissions();
  const [showPast, setShowPast] = useState(false);
  const status = useQuery(trpc.facts.status.queryOptions());
  // One list with the history: current facts come first, ended ones after, newest ending first.
  const facts = useQuery({
    ...trpc.facts.forUser.queryOptions({ userId, includeInvalid: true }),
    refetchInterval: 15_000,
  });
  const current = facts.data?.filter((fact) => fact.invalid_at === null) ?? [];
  const past = facts.data?.filter((fact) => fact.invalid_at !== null) ?? [];

  return (
    <Card>
      <CardHeader
        title="What Engram knows"
        description={
          status.data &&
          (status.data.extractor
            ? `Facts extracted from this user's conversations by ${status.data.extractor}; correct, pin or reject them here.`
            : `Fact extraction off (${status.data.off_reason}). Facts added by hand still count.`)
        }
      />
      {canAnnotate && <AddFactForm userId={userId} />}
      {facts.isPending ? (
        <Loading />
      ) : facts.isError ? (
        <ErrorState error={facts.error} retry={() => facts.refetch()} />
      ) : current.length === 0 ? (
        <EmptyState title="No facts yet" description="Nothing is known about this user yet." />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Current facts">
          {current.map((fact) => (
            <FactItem key={fact.uuid} fact={fact} canAnnotate={canAnnotate} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <div className="border-t border-zinc-200 dark:border-zinc-800">
          <button
            type="button"
            onClick={() => setShowPast(!showPast)}
            className="w-full px-4 py-2 text-left text-xs font-medium text-zinc-600 hover:bg-zinc-50 sm:px-5 dark:text-zinc-400 dark:hover:bg-zinc-800/40"
          >
            {showPast ? "Hide" : "Show"} facts that are no longer true ({past.length})
          </button>
          {showPast && (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Past facts">
              {past.map((fact) => (
                <FactItem
                  key={fact.uuid}
                  fact={fact}
                  canAnnotate={canAnnotate}
                  successor={facts.data?.find((other) => other.uuid === fact.superseded_by)?.fact}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}

function AddFactForm({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [rating, setRating] = useState("0.5");
  const add = useMutation(
    trpc.facts.addForUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.facts.pathKey() }),
    }),
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    await add.mutateAsync({ userId, fact: text, rating: Number(rating) });
    setText("");
  }
  return (
    <form
      onSubmit={(event) => submit(event).catch(() => {})}
      className="grid gap-2 border-b border-zinc-200 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:px-5 dark:border-zinc-800"
    >
      <Input
        aria-label="New fact"
        placeholder="Add a fact, e.g. “Jane prefers email.”"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Select
        aria-label="Rating"
        value={rating}
        onChange={(event) => setRating(event.target.value)}
        className="w-28"
      >
        <option value="0.9">High</option>
        <option value="0.5">Medium</option>
        <option value="0.2">Low</option>
      </Select>
      <Button type="submit" variant="primary" disabled={add.isPending || text.trim() === ""}>
        {add.isPending && <Spinner />} Add fact
      </Button>
      <div className="sm:col-span-3">
        <InlineError>{add.error?.message}</InlineError>
      </div>
    </form>
  );
}
