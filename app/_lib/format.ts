/** The dashboard's language: `<html lang>`, numbers and relative times ("3 minutes ago"). */
export const pageLocale = "en";

const integer = new Intl.NumberFormat(pageLocale);
const compact = new Intl.NumberFormat(pageLocale, { notation: "compact", maximumFractionDigits: 1 });

export const formatNumber = (value: number) => integer.format(value);
export const formatCompact = (value: number) => compact.format(value);

/**
 * A date as the server renders it: UTC, built from the ISO string alone, so server and browser
 * produce the same text before the browser's own timezone and locale take over.
 */
export const formatUtc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Path of a session's page; ids may hold any character. */
export const sessionHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;
export const userHref = (userId: string) => `/users/${encodeURIComponent(userId)}`;

export function displayName(
  user: { first_name?: string | null; last_name?: string | null } | null | undefined,
) {
  return [user?.first_name, user?.last_name].filter(Boolean).join(" ");
}
