"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DateTime } from "@/app/_components/time";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  InlineError,
  Input,
  Label,
  Loading,
  Spinner,
  Table,
  Td,
  Th,
} from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

export function ApiKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<{ uuid: string; name: string } | null>(null);
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const environmentKey = useQuery(trpc.dashboard.environmentApiKey.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (result) => {
        setCreated({ name: result.apiKey.name, key: result.key });
        setCopied(false);
        setName("");
        return invalidate();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        return invalidate();
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }
  return (
    <Card>
      <CardHeader
        title="API keys"
        description="Apps send a key as Authorization: Bearer <key>. A key is shown once, when it is created."
      />
      <form
        onSubmit={submit}
        className="flex flex-wrap items-end gap-2 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800"
      >
        <div className="min-w-56 flex-1">
          <Label htmlFor="api-key-name">New key name</Label>
          <Input
            id="api-key-name"
            placeholder="e.g. support-bot production"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending && <Spinner />} Create key
        </Button>
        <div className="w-full">
          <InlineError>{create.error?.message}</InlineError>
        </div>
      </form>
      {created && (
        <div
          role="status"
          className="border-b border-emerald-200 bg-emerald-50 px-5 py-4 dark:border-emerald-500/30 dark:bg-emerald-500/10"
        >
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
            Key “{created.name}” created. Copy it now: Engram stores only its hash and will not show it again.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code
              data-testid="new-api-key"
              className="min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-xs break-all ring-1 ring-emerald-200 dark:bg-zinc-950 dark:ring-emerald-500/30"
            >
              {created.key}
            </code>
            <Button
              size="sm"
              onClick={() =>
                navigator.clipboard?.writeText(created.key).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {environmentKey.data?.configured && (
        <p
          data-testid="environment-api-key"
          className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-5 py-3 text-sm dark:border-zinc-800"
        >
          <code className="font-mono text-xs font-semibold">ENGRAM_API_KEY</code>
          <Badge tone="green">Active</Badge>
          <Badge tone="zinc">From the environment</Badge>
          <span className="text-zinc-600 dark:text-zinc-400">
            Set where the server starts; change or remove it there, not here.
          </span>
        </p>
      )}
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <ErrorState error={keys.error} retry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          title={environmentKey.data?.configured ? "No keys created here yet" : "No API keys yet"}
          description="Create one for each app, so you can revoke one without touching the others."
        />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {keys.data.map((key) => (
              <tr key={key.uuid}>
                <Td className="font-medium">{key.name}</Td>
                <Td className="font-mono text-xs text-zinc-500">{key.prefix}…</Td>
                <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <DateTime iso={key.created_at} />
                  <span className="block text-xs text-zinc-500">by {key.created_by}</span>
                </Td>
                <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  {key.last_used_at ? <DateTime iso={key.last_used_at} style="relative" /> : "never"}
                </Td>
                <Td>
                  {key.revoked_at ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}
                </Td>
                <Td className="text-right">
                  {!key.revoked_at && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRevoking({ uuid: key.uuid, name: key.name })}
                    >
                      Revoke
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ uuid: revoking.uuid })}
        title="Revoke this key?"
        description={
          <p>Apps using “{revoking?.name}” will get 401 Unauthorized from now on. This cannot be undone.</p>
        }
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.error?.message}
      />
    </Card>
  );
}
