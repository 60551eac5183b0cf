"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAccount, usePermissions } from "../../_components/account";
import { DateTime } from "../../_components/time";
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
  PageHeader,
  Select,
  Spinner,
  Table,
  Td,
  Th,
} from "../../_components/ui";
import { useTRPC } from "../../_lib/trpc";

export function SettingsView() {
  const { isAdmin } = usePermissions();
  const account = useAccount();
  return (
    <>
      <PageHeader title="Settings" description="API keys, dashboard accounts, providers and configuration." />
      <div className="space-y-6">
        {isAdmin ? (
          <>
            <ApiKeys />
            <Accounts />
          </>
        ) : (
          <Card>
            <CardHeader title="Your account" />
            <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">
              Signed in as{" "}
              <span className="font-medium text-zinc-900 dark:text-zinc-100">{account.email}</span> with the{" "}
              <Badge className="capitalize">{account.role}</Badge> role. API keys, accounts and configuration
              are managed by admins.
            </p>
          </Card>
        )}
        <Providers />
        {isAdmin && <Configuration />}
      </div>
    </>
  );
}

function ApiKeys() {
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

const roles = ["admin", "operator", "support"] as const;
type Role = (typeof roles)[number];
const roleDescriptions: Record<Role, string> = {
  admin: "everything, including accounts and API keys",
  operator: "read and change conversations",
  support: "read, and annotate metadata",
};

function Accounts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useAccount();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() });
  const create = useMutation(
    trpc.accounts.create.mutationOptions({
      onSuccess: () => {
        setEmail("");
        setName("");
        setPassword("");
        return invalidate();
      },
    }),
  );
  const update = useMutation(trpc.accounts.update.mutationOptions({ onSettled: invalidate }));
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ email, name, password, role });
  }
  return (
    <Card>
      <CardHeader
        title="Dashboard accounts"
        description="Who can sign in to this dashboard, and what each may do."
      />
      <form
        onSubmit={submit}
        className="grid gap-3 border-b border-zinc-200 px-5 py-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto] lg:items-end dark:border-zinc-800"
      >
        <div>
          <Label htmlFor="account-email">Email</Label>
          <Input
            id="account-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="account-name" hint="optional">
            Name
          </Label>
          <Input id="account-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="account-password" hint="10+ characters">
            Password
          </Label>
          <Input
            id="account-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="account-role">Role</Label>
          <Select id="account-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending && <Spinner />} Add account
        </Button>
        <p className="text-xs text-zinc-500 sm:col-span-2 lg:col-span-5 dark:text-zinc-400">
          {role}: {roleDescriptions[role]}.
        </p>
        <div className="sm:col-span-2 lg:col-span-5">
          <InlineError>{create.error?.message}</InlineError>
        </div>
      </form>
      <InlineError>{update.error?.message}</InlineError>
      {accounts.isPending ? (
        <Loading />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} retry={() => accounts.refetch()} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Account</Th>
              <Th>Role</Th>
              <Th>Created</Th>
              <Th>Status</Th>
              <Th />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {accounts.data.map((account) => (
              <tr key={account.id}>
                <Td>
                  <span className="font-medium">{account.name || account.email}</span>
                  {account.name && <span className="block text-xs text-zinc-500">{account.email}</span>}
                </Td>
                <Td>
                  <label className="sr-only" htmlFor={`role-${account.id}`}>
                    Role of {account.email}
                  </label>
                  <Select
                    id={`role-${account.id}`}
                    value={account.role}
                    disabled={account.id === me.id || update.isPending}
                    onChange={(e) => update.mutate({ id: account.id, role: e.target.value as Role })}
                    className="w-32 py-1 text-xs"
                  >
                    {roles.map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <DateTime iso={account.created_at} />
                </Td>
                <Td>
                  {account.disabled_at ? (
                    <Badge tone="red">Disabled</Badge>
                  ) : (
                    <Badge tone="green">Active</Badge>
                  )}
                  {account.id === me.id && <Badge className="ml-1">You</Badge>}
                </Td>
                <Td className="text-right">
                  {account.id !== me.id && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => update.mutate({ id: account.id, disabled: !account.disabled_at })}
                    >
                      {account.disabled_at ? "Enable" : "Disable"}
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

function Providers() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.enrichment.overview.queryOptions(), refetchInterval: 15_000 });
  const engine = useQuery(trpc.collections.engine.queryOptions());
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Providers"
        description="What does the background work. Configured through environment variables."
      />
      {status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <ErrorState error={status.error} retry={() => status.refetch()} />
      ) : (
        <dl className="grid gap-px bg-zinc-200 sm:grid-cols-2 lg:grid-cols-4 dark:bg-zinc-800">
          {(
            [
              ["Summarizer", status.data.summarizer, true],
              [
                "Embeddings",
                status.data.embedder ?? "not configured (lexical search only)",
                Boolean(status.data.embedder),
              ],
              ["Entity extraction", status.data.entities ? "on" : "off", status.data.entities],
              [
                "Fact extraction",
                status.data.facts ?? `off: ${status.data.facts_off_reason}`,
                Boolean(status.data.facts),
              ],
              [
                "Background worker",
                status.data.worker ? "running in this server" : "off",
                status.data.worker,
              ],
              ["Vector search", engine.data?.description ?? "unknown", Boolean(engine.data)],
            ] as const
          ).map(([label, value, active]) => (
            <div key={label} className="bg-white px-5 py-4 dark:bg-zinc-900">
              <dt className="flex items-center gap-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">
                <span
                  className={`size-2 rounded-full ${active ? "bg-emerald-500" : "bg-zinc-300 dark:bg-zinc-600"}`}
                />
                {label}
              </dt>
              <dd className="mt-1 text-sm font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function Configuration() {
  const trpc = useTRPC();
  const configuration = useQuery(trpc.dashboard.configuration.queryOptions());
  return (
    <Card>
      <CardHeader
        title="Configuration"
        description="The server's environment variables. Secrets show only whether they are set."
      />
      {configuration.isPending ? (
        <Loading />
      ) : configuration.isError ? (
        <ErrorState error={configuration.error} retry={() => configuration.refetch()} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Variable</Th>
              <Th>Value</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {configuration.data.map((entry) => (
              <tr key={entry.name}>
                <Td className="font-mono text-xs">{entry.name}</Td>
                <Td
                  className={`font-mono text-xs break-all ${entry.value === "set (hidden)" || entry.value === "not set" ? "text-zinc-500 italic" : ""}`}
                >
                  {entry.value}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
