"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Dialog, InlineError, Input, Label, Spinner } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

/** An admin sets a new password for another account, which is signed out everywhere. */
export function ResetPasswordDialog({
  account,
  onClose,
}: {
  account: { id: number; email: string };
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const reset = useMutation(
    trpc.accounts.resetPassword.mutationOptions({
      onSuccess: (result) => {
        setDone(result.email);
        setPassword("");
        return queryClient.invalidateQueries({ queryKey: trpc.accounts.history.queryKey() });
      },
    }),
  );
  function close() {
    setPassword("");
    setDone(null);
    reset.reset();
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate({ id: account.id, new_password: password });
  }
  return (
    <Dialog open onClose={close} title="Reset password">
      {done ? (
        <>
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            The password of {done} was reset and all of its sign-ins were ended. Give them the new password
            through a channel you trust.
          </p>
          <div className="mt-5 flex justify-end">
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            {account.email} will be signed out everywhere and must sign in with the new password.
          </p>
          <div className="mt-4">
            <Label htmlFor="reset-password" hint="10+ characters">
              New password
            </Label>
            <Input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <InlineError>{reset.error?.message}</InlineError>
          <div className="mt-5 flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={reset.isPending}>
              {reset.isPending && <Spinner />} Reset password
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
