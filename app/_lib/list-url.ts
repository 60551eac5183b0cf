"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type RefObject, useEffect, useRef, useState } from "react";

/** The dashboard's lists whose state (page, filters, sort) lives in the URL. */
export type ListName = "sessions" | "users";

/** Where "← Sessions" and "← Users" go back to: each list as it was left (session storage). */
const storageKey = (list: ListName) => `engram-${list}-url`;

/** The list's URL as it was left, if it was one of that list's. */
export function rememberedListUrl(list: ListName): string | null {
  const url = sessionStorage.getItem(storageKey(list));
  return url?.startsWith(`/${list}`) ? url : null;
}

/**
 * A list page's state in its URL: the search parameters, the keyset cursors of the pages before
 * this one, and the way to change them. Remembers the URL for the list's back link.
 */
export function useListUrl(list: ListName) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // The keyset cursors of the pages before this one ("." never occurs in one).
  const cursors = (params.get("at") ?? "").split(".").filter(Boolean);

  const fromHistory = useRef(false);
  useEffect(() => {
    const onHistory = () => {
      fromHistory.current = true;
    };
    window.addEventListener("popstate", onHistory);
    return () => window.removeEventListener("popstate", onHistory);
  }, []);

  // The URLs asked for that the router has not shown yet: a second change made before the first
  // one lands (a sort, then its direction) builds on the first instead of on the stale params.
  const pending = useRef<string[]>([]);
  const current = params.toString();
  useEffect(() => {
    sessionStorage.setItem(storageKey(list), `${pathname}?${current}`);
    const landed = pending.current.indexOf(current);
    // A URL not asked for here (Back, Forward, a link) replaces whatever was pending.
    pending.current = landed === -1 ? [] : pending.current.slice(landed + 1);
  }, [list, pathname, current]);

  function navigate(changes: Record<string, string>, how: "push" | "replace") {
    fromHistory.current = false;
    const next = new URLSearchParams(pending.current.at(-1) ?? current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const search = next.toString();
    pending.current.push(search);
    router[how](search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return {
    params,
    cursors,
    /** The cursor of this page; none on the first. */
    cursor: cursors.at(-1),
    fromHistory,
    navigate,
    /** A new search, filter or sort starts again at the first page. */
    update: (changes: Record<string, string>) => navigate({ ...changes, at: "" }, "replace"),
    previousPage: () => navigate({ at: cursors.slice(0, -1).join(".") }, "push"),
    nextPage: (cursor: string) => navigate({ at: [...cursors, cursor].join(".") }, "push"),
  };
}

/**
 * A text field's value: what the operator types, until Back or Forward bring another URL (the
 * URL catching up with typing must not overwrite newer keys).
 */
export function useDraft(urlValue: string, fromHistory: RefObject<boolean>) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (fromHistory.current) setDraft(urlValue);
  }
  return [draft, setDraft] as const;
}
