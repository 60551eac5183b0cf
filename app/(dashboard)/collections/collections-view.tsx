"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePermissions } from "@/app/_components/account";
import { DateTime } from "@/app/_components/time";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  PageHeader,
  SkeletonRows,
  Table,
  Td,
  Th,
} from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { CreateCollectionDialog } from "./create-collection-dialog";
import { collectionHref } from "./href";

export function CollectionsView() {
  const trpc = useTRPC();
  const { canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const collections = useQuery(trpc.collections.list.queryOptions());
  const engine = useQuery(trpc.collections.engine.queryOptions());
  const newButton = canWrite && (
    <Button variant="primary" onClick={() => setCreating(true)}>
      New collection
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Collections"
        description={
          <>
            Document collections for retrieval (Zep&apos;s document API, LangChain&apos;s ZepVectorStore).
            {engine.data && <span data-testid="vector-engine"> Search: {engine.data.description}.</span>}
          </>
        }
        actions={newButton}
      />
      <Card>
        {collections.isPending ? (
          <SkeletonRows rows={5} />
        ) : collections.isError ? (
          <ErrorState error={collections.error} retry={() => collections.refetch()} />
        ) : collections.data.length === 0 ? (
          <EmptyState
            title="No collections yet"
            description="Collections appear when an app creates them through the API, or when you add one here."
            action={newButton}
          />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Collection</Th>
                <Th className="text-right">Dimensions</Th>
                <Th className="text-right">Documents</Th>
                <Th>Embedding</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {collections.data.map((collection) => (
                <tr key={collection.uuid} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <Td className="max-w-xs">
                    <Link
                      href={collectionHref(collection.name)}
                      className="block truncate font-medium group-hover:text-indigo-600 dark:group-hover:text-indigo-400"
                    >
                      {collection.name}
                    </Link>
                    {collection.description && (
                      <span className="block truncate text-xs text-zinc-500">{collection.description}</span>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{collection.embedding_dimensions}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(collection.document_count)}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {collection.is_auto_embedded ? (
                        <Badge tone="indigo">auto</Badge>
                      ) : (
                        <Badge>client</Badge>
                      )}
                      {collection.is_indexed && <Badge tone="violet">indexed</Badge>}
                      {collection.document_embedded_count < collection.document_count && (
                        <Badge tone="amber">
                          {formatNumber(collection.document_count - collection.document_embedded_count)}{" "}
                          pending
                        </Badge>
                      )}
                      {collection.embedding_failures > 0 && (
                        <Badge tone="red">{formatNumber(collection.embedding_failures)} failing</Badge>
                      )}
                    </div>
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                    <DateTime iso={collection.created_at} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CreateCollectionDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
