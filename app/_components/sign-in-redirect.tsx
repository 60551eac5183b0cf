"use client";

import { useEffect } from "react";

/** Sends a signed-out visitor to sign in, then back to the page they asked for (`?next=`). */
export function SignInRedirect() {
  useEffect(() => {
    const next = window.location.pathname + window.location.search + window.location.hash;
    window.location.replace(`/sign-in?next=${encodeURIComponent(next)}`);
  }, []);
  return (
    <main className="flex min-h-screen items-center justify-center p-6 text-sm">
      <a href="/sign-in" className="font-medium text-indigo-700 underline dark:text-indigo-300">
        Sign in to continue
      </a>
    </main>
  );
}
