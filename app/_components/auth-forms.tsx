"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { safeNext } from "../_lib/next-path";
import { useTRPC } from "../_lib/trpc";
import { ThemeToggle } from "./shell";
import { Button, InlineError, Input, Label, Spinner } from "./ui";

function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12 dark:bg-zinc-950">
      <div className="absolute top-4 right-4">
        <ThemeToggle />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-indigo-600 text-white shadow-lg shadow-indigo-600/20">
            <svg
              viewBox="0 0 24 24"
              className="size-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              aria-hidden="true"
            >
              <path d="M5 7c0-1.7 3.1-3 7-3s7 1.3 7 3-3.1 3-7 3-7-1.3-7-3Zm0 0v10c0 1.7 3.1 3 7 3s7-1.3 7-3V7M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3" />
            </svg>
          </span>
          <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900 dark:text-white">{title}</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          {children}
        </div>
      </div>
    </div>
  );
}

/**
 * The form's fields as typed. The fields are read from the form itself, not from React state, so
 * that what was typed before the page's script took over is what is sent.
 */
function fieldsOf(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  const fields: Record<string, string> = {};
  for (const [name, value] of new FormData(event.currentTarget)) fields[name] = String(value);
  return fields;
}

export function SignInForm({ next }: { next?: string }) {
  const trpc = useTRPC();
  const signIn = useMutation(
    trpc.accounts.signIn.mutationOptions({ onSuccess: () => window.location.assign(safeNext(next)) }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    const { email = "", password = "" } = fieldsOf(event);
    signIn.mutate({ email, password });
  }
  return (
    <AuthCard title="Sign in to Engram" description="Browse conversations and the memory your apps see.">
      {/* POST: a submit before the script runs must not put the password in the address. */}
      <form method="post" onSubmit={submit} className="space-y-4">
        <div>
          <Label htmlFor="email">Email</Label>
          <Input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div>
          <Label htmlFor="password">Password</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <InlineError>{signIn.error?.message}</InlineError>
        <Button
          type="submit"
          variant="primary"
          className="w-full"
          disabled={signIn.isPending || signIn.isSuccess}
        >
          {(signIn.isPending || signIn.isSuccess) && <Spinner />} Sign in
        </Button>
      </form>
    </AuthCard>
  );
}

export function SetupForm() {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const setup = useMutation(
    trpc.accounts.setup.mutationOptions({ onSuccess: () => window.location.assign("/") }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    const { name = "", email = "", password = "", confirm = "" } = fieldsOf(event);
    setMismatch(password !== confirm);
    if (password === confirm) setup.mutate({ name, email, password });
  }
  return (
    <AuthCard
      title="Welcome to Engram"
      description="Create the first admin account. This page closes once it exists."
    >
      <form method="post" onSubmit={submit} className="space-y-4">
        <div>
          <Label htmlFor="name" hint="optional">
            Name
          </Label>
          <Input id="name" name="name" autoComplete="name" />
        </div>
        <div>
          <Label htmlFor="email">Email</Label>
          <Input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div>
          <Label htmlFor="password" hint="at least 10 characters">
            Password
          </Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
          />
        </div>
        <div>
          <Label htmlFor="confirm">Confirm password</Label>
          <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </div>
        <InlineError>{mismatch ? "The passwords do not match." : setup.error?.message}</InlineError>
        <Button
          type="submit"
          variant="primary"
          className="w-full"
          disabled={setup.isPending || setup.isSuccess}
        >
          {(setup.isPending || setup.isSuccess) && <Spinner />} Create admin account
        </Button>
      </form>
    </AuthCard>
  );
}
