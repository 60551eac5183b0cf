import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, asAppError, httpStatusOf, invalid, logFailure, RETRY_AFTER_SECONDS } from "../errors";
import { JsonText } from "../jsonText";

/** Zep's error body: `{ "message": ... }`; `code` names Engram's error kind. */
export interface ErrorBody {
  message: string;
  code: string;
}

/** A reply, written by the door in one call. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = "application/json; charset=utf-8";
const TEXT_TYPE = "text/plain; charset=utf-8";

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  return { status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: text };
}

export function textReply(body: string, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": TEXT_TYPE, ...headers }, body };
}

export function errorReply(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return jsonReply({ message, code } satisfies ErrorBody, status, headers);
}

/**
 * Any thrown value as a reply: the caller's faults by their code, a database outage a logged 503
 * with Retry-After, anything else a logged 500.
 */
export function replyForError(error: unknown, where: string): Reply {
  const appError = asAppError(error);
  if (appError?.code === "UNAVAILABLE") {
    logFailure(where, error);
    return errorReply(503, appError.code, appError.message, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  if (appError) {
    const headers: Record<string, string> =
      appError.code === "UNAUTHORIZED" ? { "WWW-Authenticate": "Bearer" } : {};
    return errorReply(httpStatusOf[appError.code], appError.code, appError.message, headers);
  }
  logFailure(where, error);
  return errorReply(500, "INTERNAL", "internal error");
}

/** Writes a reply (Node leaves the body out for HEAD by itself). */
export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

const tooLarge = (maxBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `request body is larger than the ${maxBytes}-byte limit`);

/** The request body's bytes; reading stops with a 413 error as soon as it passes `maxBytes`. */
export function readBodyBytes(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        cleanup();
        // The rest is read and dropped by Node once the reply is sent, so the client sees the 413.
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as UTF-8 text, or a 400 naming the fault. */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid("request body is not valid UTF-8");
  }
}

/**
 * The request body as JSON, whatever its Content-Type (Zep's clients send message PATCHes as
 * text/plain), within `maxBytes`.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = utf8Text(await readBodyBytes(request, maxBytes));
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
export async function readJsonObject(
  request: IncomingMessage,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, maxBytes);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("request body must be a JSON object");
  }
  return body as Record<string, unknown>;
}
