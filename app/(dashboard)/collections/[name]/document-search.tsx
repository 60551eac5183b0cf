"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  Card,
  CardHeader,
  EmptyState,
  ErrorState,
  InlineError,
  Input,
  SkeletonRows,
} from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";
import { DocumentRow } from "./document-row";
import type { Collection } from "./types";

type Query = {
  text?: string;
  embedding?: number[];
  metadata?: { where: { jsonpath: string } };
  limit: number;
};

/** An embedding typed as a JSON array of numbers, or an error to show. */
function parseEmbedding(text: string): { value?: number[]; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((item) => typeof item === "number")) return { value };
  } catch {
    // Reported below.
  }
  return { error: "Type the query embedding as a JSON array of numbers, e.g. [0.1, 0.2]" };
}

/** Searches the collection: by text where Engram embeds it, else by a typed embedding; results show their scores. */
export function DocumentSearch({ collection }: { collection: Collection }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [jsonpath, setJsonpath] = useState("");
  const [problem, setProblem] = useState<string>();
  const [query, setQuery] = useState<Query>();
  const results = useQuery({
    ...trpc.collections.search.queryOptions({ name: collection.name, query: query ?? { limit: 10 } }),
    enabled: query !== undefined,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const filter = jsonpath.trim() ? { where: { jsonpath: jsonpath.trim() } } : undefined;
    if (collection.is_auto_embedded || !draft.trim()) {
      setProblem(undefined);
      setQuery({ text: draft.trim() || undefined, metadata: filter, limit: 10 });
      return;
    }
    const parsed = parseEmbedding(draft);
    setProblem(parsed.error);
    setQuery(parsed.value && { embedding: parsed.value, metadata: filter, limit: 10 });
  }

  return (
    <Card className="mb-6">
      <CardHeader
        title="Search"
        description={
          collection.is_auto_embedded
            ? "By text (embedded by Engram's provider) and/or a JSONPath filter on metadata."
            : "By a query embedding (a JSON array) and/or a JSONPath filter on metadata."
        }
      />
      <form
        onSubmit={submit}
        className="flex flex-wrap gap-2 border-b border-zinc-200 p-4 dark:border-zinc-800"
      >
        <label htmlFor="document-query" className="sr-only">
          Search query
        </label>
        <Input
          id="document-query"
          type="search"
          placeholder={collection.is_auto_embedded ? "Search documents…" : "[0.12, -0.4, …]"}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          className="max-w-md flex-1"
        />
        <label htmlFor="document-filter" className="sr-only">
          Metadata filter
        </label>
        <Input
          id="document-filter"
          placeholder="$.topic ? (@ == 'travel')"
          value={jsonpath}
          onChange={(event) => setJsonpath(event.target.value)}
          className="max-w-xs flex-1 font-mono"
        />
        <button type="submit" className="sr-only">
          Search
        </button>
      </form>
      {problem && (
        <div className="p-4">
          <InlineError>{problem}</InlineError>
        </div>
      )}
      {query &&
        (results.isPending ? (
          <SkeletonRows rows={3} />
        ) : results.isError ? (
          <ErrorState error={results.error} />
        ) : results.data.results.length === 0 ? (
          <EmptyState title="No documents match" />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Search results">
            {results.data.results.map((document) => (
              <DocumentRow key={document.uuid} document={document} />
            ))}
          </ul>
        ))}
    </Card>
  );
}
