"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { usePermissions } from "@/app/_components/account";
import { DateTime } from "@/app/_components/time";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Loading,
  PageHeader,
  Spinner,
  Stat,
} from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import { DocumentSearch } from "./document-search";
import { DocumentsTable } from "./documents-table";

export function CollectionView({ name }: { name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { canWrite } = usePermissions();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const collection = useQuery(trpc.collections.get.queryOptions({ name }));
  const index = useMutation(
    trpc.collections.createIndex.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.collections.get.queryKey({ name }), updated),
    }),
  );
  const remove = useMutation(
    trpc.collections.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.collections.list.queryKey() });
        router.push("/collections");
      },
    }),
  );
  const breadcrumb = <Link href="/collections">Collections</Link>;

  if (collection.isPending) return <Loading />;
  if (collection.isError) {
    return collection.error.data?.code === "NOT_FOUND" ? (
      <>
        <PageHeader title={name} breadcrumb={breadcrumb} />
        <EmptyState title="No such collection" description="It may have been deleted." />
      </>
    ) : (
      <ErrorState error={collection.error} retry={() => collection.refetch()} />
    );
  }
  const data = collection.data;
  const pending = data.document_count - data.document_embedded_count;

  return (
    <>
      <PageHeader
        title={data.name}
        breadcrumb={breadcrumb}
        description={data.description || undefined}
        actions={
          canWrite && (
            <>
              {!data.is_indexed && (
                <Button onClick={() => index.mutate({ name })} disabled={index.isPending}>
                  {index.isPending && <Spinner />} Create index
                </Button>
              )}
              <Button variant="danger" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            </>
          )
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Documents" value={formatNumber(data.document_count)} />
        <Stat
          label="Embedded"
          value={formatNumber(data.document_embedded_count)}
          hint={pending > 0 ? `${formatNumber(pending)} pending` : undefined}
        />
        <Stat label="Dimensions" value={data.embedding_dimensions} />
        <Stat
          label="Embedding"
          value={data.is_auto_embedded ? "Auto" : "Client"}
          hint={data.is_indexed ? "indexed" : undefined}
        />
      </div>
      {data.embedding_failures > 0 && (
        <p className="mb-4 text-sm text-red-700 dark:text-red-300" role="alert">
          {formatNumber(data.embedding_failures)} documents wait for a retry: {data.last_embedding_error}
        </p>
      )}
      <Card className="mb-6">
        <CardHeader title="Metadata" />
        <div className="p-4">
          {Object.keys(data.metadata).length === 0 ? (
            <span className="text-sm text-zinc-500">No metadata</span>
          ) : (
            <pre className="overflow-x-auto text-xs">{JSON.stringify(data.metadata, null, 2)}</pre>
          )}
          <p className="mt-2 text-xs text-zinc-500">
            Created <DateTime iso={data.created_at} /> <Badge>{data.uuid}</Badge>
          </p>
        </div>
      </Card>
      <DocumentSearch collection={data} />
      <DocumentsTable name={name} />
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate({ name })}
        title={`Delete collection ${data.name}?`}
        description={`Its ${formatNumber(data.document_count)} documents are deleted with it. This cannot be undone.`}
        confirmLabel="Delete collection"
        pending={remove.isPending}
        error={remove.error?.message}
      />
    </>
  );
}
