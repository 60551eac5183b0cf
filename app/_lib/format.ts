const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const integer = new Intl.NumberFormat();
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : "—";
export const formatTime = (iso: string) => time.format(new Date(iso));
export const formatNumber = (value: number) => integer.format(value);
export const formatCompact = (value: number) => compact.format(value);

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday"; "just now" under a minute. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** Path of a session's page; ids may hold any character. */
export const sessionHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;
export const userHref = (userId: string) => `/users/${encodeURIComponent(userId)}`;

export function displayName(
  user: { first_name?: string | null; last_name?: string | null } | null | undefined,
) {
  return [user?.first_name, user?.last_name].filter(Boolean).join(" ");
}
