"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { usePermissions } from "../../_components/account";
import { JsonField, parseJsonObject } from "../../_components/metadata";
import { DateTime } from "../../_components/time";
import {
  Badge,
  Button,
  Card,
  Dialog,
  EmptyState,
  ErrorState,
  InlineError,
  Input,
  Label,
  PageHeader,
  SkeletonRows,
  Spinner,
  Table,
  Td,
  Th,
} from "../../_components/ui";
import { displayName, userHref } from "../../_lib/format";
import { useTRPC } from "../../_lib/trpc";

const PAGE = 50;

export function UsersView() {
  const trpc = useTRPC();
  const { canWrite } = usePermissions();
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  // Search a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  const users = useInfiniteQuery({
    ...trpc.dashboard.users.infiniteQueryOptions(
      { limit: PAGE, query: query || undefined },
      { getNextPageParam: (page) => page.next_cursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = users.data?.pages.flatMap((page) => page.users) ?? [];

  return (
    <>
      <PageHeader
        title="Users"
        description="The people your apps talk to. Each user can own many sessions."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New user
            </Button>
          )
        }
      />
      <Card>
        <div className="border-b border-zinc-200 p-4 dark:border-zinc-800">
          <label htmlFor="user-search" className="sr-only">
            Search users
          </label>
          <Input
            id="user-search"
            type="search"
            placeholder="Search user id, name, email, metadata…"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="max-w-md"
          />
        </div>
        {users.isPending ? (
          <SkeletonRows rows={8} />
        ) : users.isError ? (
          <ErrorState error={users.error} retry={() => users.refetch()} />
        ) : rows.length === 0 && query ? (
          <EmptyState title="No users match" description="Try another id, name, email or metadata value." />
        ) : rows.length === 0 ? (
          <EmptyState
            title="No users yet"
            description="Users appear when an app creates them through the API, or when you add one here."
            action={
              canWrite && (
                <Button variant="primary" onClick={() => setCreating(true)}>
                  New user
                </Button>
              )
            }
          />
        ) : (
          <>
            <Table>
              <thead>
                <tr>
                  <Th>User</Th>
                  <Th>Email</Th>
                  <Th>Metadata</Th>
                  <Th className="text-right">Sessions</Th>
                  <Th>Created</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map((user) => {
                  const keys = Object.keys(user.metadata).filter(
                    (key) => key !== "system" && user.metadata[key] !== null,
                  );
                  return (
                    <tr key={user.uuid} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                      <Td className="max-w-xs">
                        <Link
                          href={userHref(user.user_id)}
                          className="block truncate font-medium group-hover:text-indigo-600 dark:group-hover:text-indigo-400"
                        >
                          {displayName(user) || user.user_id}
                        </Link>
                        {displayName(user) && (
                          <span className="block truncate font-mono text-xs text-zinc-500">
                            {user.user_id}
                          </span>
                        )}
                      </Td>
                      <Td className="text-zinc-600 dark:text-zinc-400">{user.email ?? "—"}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          {keys.slice(0, 4).map((key) => (
                            <Badge key={key}>{key}</Badge>
                          ))}
                          {keys.length > 4 && <Badge>+{keys.length - 4}</Badge>}
                          {keys.length === 0 && <span className="text-zinc-400">—</span>}
                        </div>
                      </Td>
                      <Td className="text-right tabular-nums">{user.session_count}</Td>
                      <Td className="whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                        <DateTime iso={user.created_at} />
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            {users.hasNextPage && (
              <div className="border-t border-zinc-200 px-4 py-3 text-center dark:border-zinc-800">
                <Button size="sm" onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
                  {users.isFetchingNextPage && <Spinner />} Load more
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
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
