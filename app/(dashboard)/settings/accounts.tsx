"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAccount } from "@/app/_components/account";
import { DateTime } from "@/app/_components/time";
import {
  Badge,
  Button,
  Card,
  CardHeader,
  ErrorState,
  InlineError,
  Input,
  Label,
  Loading,
  Select,
  Spinner,
  Table,
  Td,
  Th,
} from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";
import { AccountHistory } from "./account-history";
import { ResetPasswordDialog } from "./reset-password-dialog";

const roles = ["admin", "operator", "support"] as const;
type Role = (typeof roles)[number];
const roleDescriptions: Record<Role, string> = {
  admin: "everything, including accounts and API keys",
  operator: "read and change conversations",
  support: "read, and annotate metadata",
};

export function Accounts() {
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
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSettled: () =>
        Promise.all([
          invalidate(),
          queryClient.invalidateQueries({ queryKey: trpc.accounts.history.queryKey() }),
        ]),
    }),
  );
  const [resetting, setResetting] = useState<{ id: number; email: string } | null>(null);
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
                <Td className="text-right whitespace-nowrap">
                  {account.id !== me.id && (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setResetting({ id: account.id, email: account.email })}
                      >
                        Reset password<span className="sr-only"> of {account.email}</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => update.mutate({ id: account.id, disabled: !account.disabled_at })}
                      >
                        {account.disabled_at ? "Enable" : "Disable"}
                      </Button>
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {/* Mounted only while open, so its labels are not in the page otherwise. */}
      {resetting && <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />}
      <AccountHistory />
    </Card>
  );
}
