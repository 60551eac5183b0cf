"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useAccount, usePermissions } from "@/app/_components/account";
import { Badge, Button, Card, CardHeader, InlineError, Input, Label, Spinner } from "@/app/_components/ui";
import { useTRPC } from "@/app/_lib/trpc";

/** The signed-in account: who it is, and a new password for it. */
export function YourAccount() {
  const account = useAccount();
  const { isAdmin } = usePermissions();
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
  return (
    <Card>
      <CardHeader title="Your account" />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{account.email}</span>{" "}
          with the <Badge className="capitalize">{account.role}</Badge> role.
          {!isAdmin && " API keys, accounts and configuration are managed by admins."}
        </p>
        {!changing && (
          <Button
            aria-expanded={false}
            onClick={() => {
              setChanging(true);
              setChanged(false);
            }}
          >
            Change password
          </Button>
        )}
      </div>
      {changed && (
        <p role="status" className="px-5 pb-4 text-sm text-emerald-700 dark:text-emerald-400">
          Password changed. Your other sign-ins have been signed out.
        </p>
      )}
      {changing && (
        <ChangePasswordForm
          onCancel={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            setChanged(true);
          }}
        />
      )}
    </Card>
  );
}

function ChangePasswordForm({ onCancel, onChanged }: { onCancel: () => void; onChanged: () => void }) {
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const change = useMutation(trpc.accounts.changePassword.mutationOptions({ onSuccess: onChanged }));
  const mismatch = confirm !== "" && confirm !== next;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    change.mutate({ current_password: current, new_password: next, confirm_password: confirm });
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Change password"
      className="space-y-3 border-t border-zinc-200 px-5 py-4 dark:border-zinc-800"
    >
      <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Change password</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <Label htmlFor="current-password">Current password</Label>
          <Input
            id="current-password"
            type="password"
            autoFocus
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="new-password" hint="10+ characters">
            New password
          </Label>
          <Input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor="confirm-password">Confirm new password</Label>
          <Input
            id="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch}
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={change.isPending || mismatch}>
          {change.isPending && <Spinner />} Save new password
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <InlineError>
        {mismatch ? "The new password and its confirmation differ." : change.error?.message}
      </InlineError>
    </form>
  );
}
