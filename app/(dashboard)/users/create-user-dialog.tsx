"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { JsonField, parseJsonObject } from "../../_components/metadata";
import { Button, Dialog, InlineError, Input, Label, Spinner } from "../../_components/ui";
import { userHref } from "../../_lib/format";
import { useTRPC } from "../../_lib/trpc";

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [email, setEmail] = useState("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [metadata, setMetadata] = useState("");
  const [metadataError, setMetadataError] = useState<string>();
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.users.pathKey() });
        onClose();
        router.push(userHref(user.user_id));
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseJsonObject(metadata);
    setMetadataError(parsed.error);
    if (parsed.error) return;
    create.mutate({
      user_id: userId.trim(),
      email: email.trim() || undefined,
      first_name: firstName.trim() || undefined,
      last_name: lastName.trim() || undefined,
      metadata: parsed.value,
    });
  }
  return (
    <Dialog open={open} onClose={onClose} title="New user">
      <form onSubmit={submit} className="space-y-4">
        <div>
          <Label htmlFor="user-id">User id</Label>
          <Input id="user-id" required value={userId} onChange={(e) => setUserId(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="user-email" hint="optional">
            Email
          </Label>
          <Input id="user-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="user-first">First name</Label>
            <Input id="user-first" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
          </div>
          <div>
            <Label htmlFor="user-last">Last name</Label>
            <Input id="user-last" value={lastName} onChange={(e) => setLastName(e.target.value)} />
          </div>
        </div>
        <div>
          <Label htmlFor="user-metadata" hint="JSON object">
            Metadata
          </Label>
          <JsonField
            id="user-metadata"
            value={metadata}
            onChange={setMetadata}
            error={metadataError}
            rows={3}
          />
        </div>
        <InlineError>{create.error?.message}</InlineError>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending && <Spinner />} Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
