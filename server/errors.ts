import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

export type AppErrorCode =
  | "INVALID"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_REQUESTS";

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
};

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
    if (pg.code === "23505")
      return new AppError("CONFLICT", "a concurrent request changed the same record; retry");
    if (inputFaultCodes.has(pg.code)) return new AppError("INVALID", String(pg.message));
  }
  if (cause && cause !== error) return asAppError(cause);
  return undefined;
}
