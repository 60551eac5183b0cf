"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, CardHeader, EmptyState, ErrorState, SkeletonRows } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";
import { DocumentRow } from "./document-row";

const PAGE = 25;

/** The collection's documents, oldest first, a page at a time. */
export function DocumentsTable({ name }: { name: string }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const documents = useQuery({
    ...trpc.collections.documents.queryOptions({ name, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card>
      <CardHeader
        title="Documents"
        actions={
          <div className="flex gap-2">
            <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </Button>
            <Button
              size="sm"
              disabled={(documents.data?.length ?? 0) < PAGE}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </Button>
          </div>
        }
      />
      {documents.isPending ? (
        <SkeletonRows rows={5} />
      ) : documents.isError ? (
        <ErrorState error={documents.error} retry={() => documents.refetch()} />
      ) : documents.data.length === 0 ? (
        <EmptyState title="No documents" description="Documents are added through the API or LangChain." />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Documents">
          {documents.data.map((document) => (
            <DocumentRow key={document.uuid} document={document} />
          ))}
        </ul>
      )}
    </Card>
  );
}
