"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { JsonField, parseJsonObject } from "@/app/_components/metadata";
import { Button, Dialog, InlineError, Input, Label, Spinner } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";
import { collectionHref } from "./href";

export function CreateCollectionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const [dimensions, setDimensions] = useState("1536");
  const [description, setDescription] = useState("");
  const [autoEmbedded, setAutoEmbedded] = useState(false);
  const [metadata, setMetadata] = useState("");
  const [metadataError, setMetadataError] = useState<string>();
  const create = useMutation(
    trpc.collections.create.mutationOptions({
      onSuccess: async (collection) => {
        await queryClient.invalidateQueries({ queryKey: trpc.collections.list.queryKey() });
        onClose();
        router.push(collectionHref(collection.name));
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseJsonObject(metadata);
    setMetadataError(parsed.error);
    if (parsed.error) return;
    create.mutate({
      name: name.trim(),
      embedding_dimensions: Number(dimensions),
      description: description.trim() || undefined,
      is_auto_embedded: autoEmbedded,
      metadata: parsed.value,
    });
  }
  return (
    <Dialog open={open} onClose={onClose} title="New collection">
      <form onSubmit={submit} className="space-y-4">
        <div>
          <Label htmlFor="collection-name">Name (3 to 40 letters and digits)</Label>
          <Input id="collection-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="collection-dimensions">Embedding dimensions</Label>
          <Input
            id="collection-dimensions"
            type="number"
            min={1}
            max={2000}
            required
            value={dimensions}
            onChange={(e) => setDimensions(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="collection-description">Description</Label>
          <Input
            id="collection-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={autoEmbedded} onChange={(e) => setAutoEmbedded(e.target.checked)} />
          Embed documents with Engram&apos;s embeddings provider
        </label>
        <div>
          <Label htmlFor="collection-metadata">Metadata (JSON)</Label>
          <JsonField
            id="collection-metadata"
            value={metadata}
            onChange={setMetadata}
            error={metadataError}
            rows={3}
          />
        </div>
        {create.error && <InlineError>{create.error.message}</InlineError>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending && <Spinner />} Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
