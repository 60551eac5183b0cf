import { AppError, asAppError, httpStatusOf, invalid, logFailure, RETRY_AFTER_SECONDS } from "../errors";

/** Zep's error body: `{ "message": ... }`; `code` names Engram's error kind. */
export interface ErrorBody {
  message: string;
  code: string;
}

export function jsonReply(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

export function textReply(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  headers: HeadersInit = {},
): Response {
  return jsonReply({ message, code } satisfies ErrorBody, status, headers);
}

/**
 * Any thrown value as a reply: the caller's faults by their code, a database outage a logged 503
 * with Retry-After, anything else a logged 500.
 */
export function replyForError(error: unknown, where: string): Response {
  const appError = asAppError(error);
  if (appError?.code === "UNAVAILABLE") {
    logFailure(`REST ${where}`, error);
    return errorReply(503, appError.code, appError.message, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  if (appError) {
    const headers: HeadersInit = appError.code === "UNAUTHORIZED" ? { "WWW-Authenticate": "Bearer" } : {};
    return errorReply(httpStatusOf[appError.code], appError.code, appError.message, headers);
  }
  logFailure(`REST ${where}`, error);
  return errorReply(500, "INTERNAL", "internal error");
}

/** The request body's bytes; reading stops with a 413 error as soon as it passes `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `request body is larger than the ${maxBytes}-byte limit`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * The request body as JSON, whatever its Content-Type (Zep's clients send message PATCHes as
 * text/plain), within `maxBytes`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("request body is not valid UTF-8");
  }
  if (text.trim() === "") throw invalid("request body is empty; send a JSON object");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalid(`request body is not valid JSON: ${(error as Error).message}`);
  }
  if (nestingDepth(body) > MAX_JSON_DEPTH) {
    throw invalid(`request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  return body;
}

/** Deeper JSON than any real request would overflow the stack of later recursive steps (merge, stringify). */
const MAX_JSON_DEPTH = 64;

function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** A JSON body that must be an object (every Zep request body is one). */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, maxBytes);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("request body must be a JSON object");
  }
  return body as Record<string, unknown>;
}
