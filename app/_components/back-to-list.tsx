"use client";

import { useEffect, useState } from "react";
import { type ListName, rememberedListUrl } from "../_lib/list-url";
import { IntentLink } from "./intent-link";

const labels: Record<ListName, string> = { sessions: "Sessions", users: "Users" };

/** "← Sessions" or "← Users": back to the list as it was left, its page, filters and sort. */
export function BackToList({ list }: { list: ListName }) {
  const [href, setHref] = useState(`/${list}`);
  // Session storage exists only in the browser, so the server renders the plain list's address.
  useEffect(() => setHref(rememberedListUrl(list) ?? `/${list}`), [list]);
  return (
    <IntentLink href={href} className="hover:text-zinc-900 dark:hover:text-zinc-100">
      ← {labels[list]}
    </IntentLink>
  );
}
