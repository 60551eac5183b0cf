/**
 * Only same-site paths, so a crafted link cannot send a signed-in user elsewhere: "//host" and
 * "/\\host" are other sites to a browser.
 */
export function safeNext(next: string | null | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
