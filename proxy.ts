import { type NextRequest, NextResponse } from "next/server";

/** A `%` that does not start an escape (Zep's clients leave `%` in ids as is) stands for itself. */
export function proxy(request: NextRequest) {
  const raw = new URL(request.url).pathname;
  const fixed = raw.replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
  if (fixed === raw) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = fixed;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/api/v1/:path*", "/api/v2/:path*"] };
