"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { usePermissions } from "../../../_components/account";
import { BackToList } from "../../../_components/back-to-list";
import { IntentLink } from "../../../_components/intent-link";
import { type JsonObject, MetadataHistory, MetadataPanel } from "../../../_components/metadata";
import { DateTime } from "../../../_components/time";
import {
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
  Spinner,
  Table,
  Td,
  Th,
} from "../../../_components/ui";
import { displayName, formatNumber, sessionHref } from "../../../_lib/format";
import { useTRPC } from "../../../_lib/trpc";
import { FactsPanel } from "./facts-panel";

export function UserView({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { canWrite, canAnnotate } = usePermissions();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const user = useQuery(trpc.users.get.queryOptions({ userId }));
  // Its sessions' counts grow while their conversations go on.
  const sessions = useQuery({ ...trpc.users.sessions.queryOptions({ userId }), refetchInterval: 10_000 });
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ userId }), updated);
        return queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const annotate = useMutation(
    trpc.users.annotate.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ userId }), updated);
        return queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const remove = useMutation(
    trpc.users.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
        router.push("/users");
      },
    }),
  );

  if (user.isPending) return <Loading label="Loading user…" />;
  if (user.isError) {
    const notFound = user.error instanceof TRPCClientError && user.error.data?.code === "NOT_FOUND";
    return notFound ? (
      <Card>
        <EmptyState
          title="User not found"
          description={`No user "${userId}" exists, or it was deleted.`}
          action={
            <Link
              href="/users"
              className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Back to users
            </Link>
          }
        />
      </Card>
    ) : (
      <ErrorState error={user.error} retry={() => user.refetch()} />
    );
  }
  const data = user.data;

  return (
    <>
      <PageHeader
        breadcrumb={<BackToList list="users" />}
        title={<span dir="auto">{displayName(data) || data.user_id}</span>}
        description={
          <span className="flex flex-wrap gap-x-3">
            <span className="font-mono" dir="auto" data-testid="user-id">
              {data.user_id}
            </span>
            {data.email && (
              <span dir="auto" data-testid="user-email">
                {data.email}
              </span>
            )}
            <span>
              Created <DateTime iso={data.created_at} />
            </span>
          </span>
        }
        actions={
          canWrite && (
            <>
              <Button onClick={() => setEditing(true)}>Edit profile</Button>
              <Button variant="danger" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            </>
          )
        }
      />

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          {editing && <ProfileForm user={data} onDone={() => setEditing(false)} update={update} />}
          <FactsPanel userId={userId} />
          <Card>
            <CardHeader
              title="Sessions"
              description={
                sessions.data
                  ? `${formatNumber(sessions.data.length)} ${sessions.data.length === 1 ? "session" : "sessions"}`
                  : undefined
              }
            />
            {sessions.isPending ? (
              <Loading />
            ) : sessions.isError ? (
              <ErrorState error={sessions.error} retry={() => sessions.refetch()} />
            ) : sessions.data.length === 0 ? (
              <EmptyState title="No sessions" description="This user has no conversations yet." />
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>Session</Th>
                    <Th className="text-right">Messages</Th>
                    <Th className="text-right">Tokens</Th>
                    <Th>Last activity</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {[...sessions.data].reverse().map((session) => (
                    <tr key={session.uuid} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                      <Td className="max-w-xs">
                        <IntentLink
                          href={sessionHref(session.session_id)}
                          dir="auto"
                          className="block truncate font-medium hover:text-indigo-600 dark:hover:text-indigo-400"
                        >
                          {session.session_id}
                        </IntentLink>
                      </Td>
                      <Td className="text-right tabular-nums">{formatNumber(session.message_count)}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(session.token_count)}</Td>
                      <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                        <DateTime iso={session.last_message_at ?? session.created_at} style="relative" />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="User metadata" />
            <div className="p-4">
              <MetadataPanel
                metadata={data.metadata as JsonObject}
                canEdit={canAnnotate}
                pending={annotate.isPending}
                error={annotate.error?.message}
                onPatch={(patch) => annotate.mutateAsync({ userId, patch })}
              />
            </div>
          </Card>
          <Card>
            <CardHeader title="Change history" />
            <div className="p-4">
              <MetadataHistory entityType="user" entityId={userId} />
            </div>
          </Card>
        </div>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate({ userId })}
        title="Delete this user?"
        description={
          <p>
            User <span className="font-mono font-medium">{data.user_id}</span> and all of their sessions,
            messages and summaries will be deleted.
          </p>
        }
        confirmLabel="Delete user"
        pending={remove.isPending}
        error={remove.error?.message}
      />
    </>
  );
}

type User = { user_id: string; email: string | null; first_name: string | null; last_name: string | null };

function ProfileForm({
  user,
  onDone,
  update,
}: {
  user: User;
  onDone: () => void;
  update: {
    mutateAsync: (input: {
      userId: string;
      patch: { email: string | null; first_name: string | null; last_name: string | null };
    }) => Promise<unknown>;
    isPending: boolean;
    error: { message: string } | null;
  };
}) {
  const [email, setEmail] = useState(user.email ?? "");
  const [firstName, setFirstName] = useState(user.first_name ?? "");
  const [lastName, setLastName] = useState(user.last_name ?? "");
  async function submit(event: FormEvent) {
    event.preventDefault();
    await update.mutateAsync({
      userId: user.user_id,
      patch: {
        email: email.trim() || null,
        first_name: firstName.trim() || null,
        last_name: lastName.trim() || null,
      },
    });
    onDone();
  }
  return (
    <Card>
      <CardHeader title="Edit profile" />
      <form onSubmit={(event) => submit(event).catch(() => {})} className="grid gap-4 p-4 sm:grid-cols-3">
        <div>
          <Label htmlFor="profile-email">Email</Label>
          <Input id="profile-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="profile-first">First name</Label>
          <Input id="profile-first" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="profile-last">Last name</Label>
          <Input id="profile-last" value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </div>
        <div className="flex gap-2 sm:col-span-3">
          <Button type="submit" variant="primary" disabled={update.isPending}>
            {update.isPending && <Spinner />} Save
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          <InlineError>{update.error?.message}</InlineError>
        </div>
      </form>
    </Card>
  );
}
