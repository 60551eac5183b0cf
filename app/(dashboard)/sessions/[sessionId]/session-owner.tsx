"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { usePermissions } from "@/app/_components/account";
import { Button, Dialog, InlineError, Input, Label, Spinner } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

/** Most users offered while an operator types. */
const SUGGESTIONS = 8;

/** For operators: attach the session to an existing user, move it to another, or detach it. */
export function SessionOwner({ sessionId, userId }: { sessionId: string; userId: string | null }) {
  const { canWrite } = usePermissions();
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{userId ? "Change user" : "Attach to user"}</Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} title="Session user">
          <OwnerPicker sessionId={sessionId} userId={userId} onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

function OwnerPicker({
  sessionId,
  userId,
  onDone,
}: {
  sessionId: string;
  userId: string | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const query = useDeferredValue(text.trim());
  const users = useQuery({
    ...trpc.dashboard.users.queryOptions({ query, limit: 25 }),
    enabled: query !== "",
    placeholderData: keepPreviousData,
  });
  const setUser = useMutation(
    trpc.sessions.setUser.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.sessions.get.queryKey({ sessionId }), updated);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.memory.pathKey() }),
        ]);
        onDone();
      },
    }),
  );
  // Users whose id starts with the text first; the search also finds them by email or name.
  const lowered = query.toLowerCase();
  const matches = (users.data?.users ?? [])
    .filter((user) => user.user_id !== userId)
    .sort(
      (a, b) =>
        Number(b.user_id.toLowerCase().startsWith(lowered)) -
        Number(a.user_id.toLowerCase().startsWith(lowered)),
    )
    .slice(0, SUGGESTIONS);

  return (
    <div className="space-y-4 text-sm">
      <p className="text-zinc-600 dark:text-zinc-300">
        {userId ? (
          <>
            This session belongs to <span className="font-mono font-medium">{userId}</span>.
          </>
        ) : (
          "This session belongs to no user."
        )}{" "}
        Facts learnt in a session without a user go with it to the user it is attached to.
      </p>
      <div>
        <Label htmlFor="session-owner-search">Find a user by id</Label>
        <Input
          id="session-owner-search"
          type="search"
          autoComplete="off"
          placeholder="Type the start of a user id"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {query !== "" && (
        <div aria-live="polite">
          {users.isPending ? (
            <p className="text-zinc-500 dark:text-zinc-400">Searching…</p>
          ) : users.isError ? (
            <InlineError>{users.error.message}</InlineError>
          ) : matches.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400">No other user matches “{query}”.</p>
          ) : (
            <ul aria-label="Matching users" className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {matches.map((user) => {
                const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
                return (
                  <li key={user.user_id} className="flex items-center justify-between gap-3 py-2">
                    <span className="min-w-0">
                      <span className="block truncate font-mono font-medium">{user.user_id}</span>
                      {(name || user.email) && (
                        <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                          {[name, user.email].filter(Boolean).join(" · ")}
                        </span>
                      )}
                    </span>
                    <Button
                      size="sm"
                      variant="primary"
                      aria-label={`Attach to ${user.user_id}`}
                      disabled={setUser.isPending}
                      onClick={() => setUser.mutate({ sessionId, user_id: user.user_id })}
                    >
                      Attach
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      <InlineError>{setUser.error?.message}</InlineError>
      <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        {userId && (
          <Button
            variant="danger"
            disabled={setUser.isPending}
            onClick={() => setUser.mutate({ sessionId, user_id: null })}
          >
            {setUser.isPending && <Spinner />} Detach from {userId}
          </Button>
        )}
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}
