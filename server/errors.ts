import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
// Only ZodError instances: a parse that failed at an edge is the caller's fault (INVALID).
import { ZodError } from "zod";
import { config } from "./config";

export type AppErrorCode =
  | "INVALID"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE";

/** The one error type services throw; each edge maps its code below and nowhere else. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const invalid = (message: string) => new AppError("INVALID", message);

/** HTTP status for each code. Zep's clients expect 400 (not 409) when an id already exists. */
export const httpStatusOf: Record<AppErrorCode, number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

export const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  INVALID: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  ALREADY_EXISTS: "CONFLICT",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Seconds a client should wait before retrying an UNAVAILABLE reply (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 2;

export const unavailable = (message: string) => new AppError("UNAVAILABLE", message);

/** Node's socket errors that mean the database cannot be reached (or the connection broke). */
const unreachableSocketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** postgres.js's own codes for a connection that closed, ended or never opened in time. */
const driverConnectionCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * The database's outage as plain words for callers, by the error's code; undefined when the
 * error is not an outage. Never the driver's message: it names the host and port.
 */
function outageMessage(code: string): string | undefined {
  if (unreachableSocketCodes.has(code) || driverConnectionCodes.has(code) || code.startsWith("08"))
    return "the database is unreachable; retry shortly";
  if (code === "57P01" || code === "57P02" || code === "57P03")
    return "the database is restarting or shutting down; retry shortly";
  if (code === "53300") return "the database has too many connections; retry shortly";
  if (code === "57014") return "the database did not answer in time; retry shortly";
  return undefined;
}

/** Codes that make an error UNAVAILABLE, for callers that decide by code (start-up waits on these). */
export function isOutageCode(code: string): boolean {
  return outageMessage(code) !== undefined;
}

/** Postgres error codes that mean the input was at fault, not the server. */
const inputFaultCodes = new Set([
  "22001", // string_data_right_truncation
  "22003", // numeric_value_out_of_range
  "22021", // character_not_in_repertoire
  "22P02", // invalid_text_representation
  "22P05", // untranslatable_character
  "2201B", // invalid_regular_expression
  "22030", // duplicate_json_object_key_value
  "22032", // invalid_json_text
  "2203A", // sql_json_member_not_found
  "54000", // program_limit_exceeded (e.g. a tsvector too large)
]);

/** Any thrown value as an AppError when it is the caller's fault, or undefined when it is ours. */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const message = error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; ");
    return new AppError("INVALID", message);
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  const pg = (cause ?? error) as { code?: unknown; message?: unknown } | null;
  if (pg && typeof pg.code === "string") {
    const outage = outageMessage(pg.code);
    if (outage) return new AppError("UNAVAILABLE", outage);
    if (pg.code === "23505")
      return new AppError("CONFLICT", "a concurrent request changed the same record; retry");
    if (inputFaultCodes.has(pg.code)) return new AppError("INVALID", String(pg.message));
  }
  if (cause && cause !== error) return asAppError(cause);
  return undefined;
}

/** The code an error carries (a Postgres SQLSTATE, a socket or driver code), looking through causes. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof AppError) return current.code;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A failure in words safe to show anyone (API, dashboard, `last_error`): an AppError's message,
 * else the kind of error and its code, never SQL text, parameters or connection details.
 */
export function safeErrorMessage(error: unknown): string {
  const appError = asAppError(error);
  if (appError) return appError.message;
  const code = errorCode(error);
  return code ? `internal error (${code})` : "internal error";
}

/**
 * One log line for a failed request or job: where, Engram's error kind, the error's own code. The whole
 * error (with its SQL and parameters) only with ENGRAM_LOG_LEVEL=debug.
 */
export function logFailure(where: string, error: unknown): void {
  const appError = asAppError(error);
  const code = errorCode(error) ?? (error instanceof Error ? error.name : "unknown");
  console.error(`${where} failed: ${appError?.code ?? "INTERNAL"} (${code})`);
  if (debugLogging()) console.error(error);
}

function debugLogging(): boolean {
  try {
    return config().ENGRAM_LOG_LEVEL === "debug";
  } catch {
    return false;
  }
}
