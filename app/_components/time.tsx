"use client";

import { useSyncExternalStore } from "react";
import { formatUtc, pageLocale } from "../_lib/format";

type Style = "date-time" | "time" | "relative";

// Undefined locale and timezone: the browser's own. Only ever used after hydration.
const browserFormats = {
  "date-time": new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
  time: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
  full: new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" }),
};
const relative = new Intl.RelativeTimeFormat(pageLocale, { numeric: "auto" });

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday"; "just now" under a minute. */
export function formatRelative(iso: string, now: number): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

// One clock for every relative time on the page, ticking while any is shown.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribeClock(listener: () => void) {
  if (listeners.size === 0) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 30_000);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/** The browser's clock, or null while rendering on the server and hydrating (they must agree). */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribeClock,
    () => now,
    () => null,
  );
}

/** The text of a date for the current render: UTC on the server and while hydrating, local after. */
export function useFormattedDate(iso: string | null | undefined, style: Style = "date-time") {
  const clock = useNow();
  if (!iso) return "—";
  if (clock === null) return formatUtc(iso);
  if (style === "relative") return formatRelative(iso, clock);
  return browserFormats[style].format(new Date(iso));
}

/** A date in the browser's timezone and locale; the full date, time and timezone on hover. */
export function DateTime({
  iso,
  style = "date-time",
  className,
}: {
  iso: string | null | undefined;
  style?: Style;
  className?: string;
}) {
  const text = useFormattedDate(iso, style);
  const clock = useNow();
  if (!iso) return <span className={className}>—</span>;
  return (
    <time
      className={className}
      dateTime={iso}
      title={clock === null ? formatUtc(iso) : browserFormats.full.format(new Date(iso))}
    >
      {text}
    </time>
  );
}
