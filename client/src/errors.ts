import { TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { AppRouter } from "./router";

/**
 * The server's tRPC error code (`NOT_FOUND`, `CONFLICT`, `BAD_REQUEST`, `UNAUTHORIZED`, ...);
 * `TIMEOUT` after `timeoutMs`, `CLIENT_CLOSED_REQUEST` when the caller's signal aborted, or
 * `NETWORK_ERROR` when no tRPC reply came at all (refused connection, DNS failure, a proxy's page).
 */
export type EngramErrorCode = TRPC_ERROR_CODE_KEY | "NETWORK_ERROR";

/** What a call to Engram throws: the server's error code and HTTP status, or the client's own. */
export class EngramClientError extends TRPCClientError<AppRouter> {
  readonly code: EngramErrorCode;
  /** The HTTP status of Engram's reply; undefined when no reply came. */
  readonly httpStatus: number | undefined;

  constructor(from: TRPCClientError<AppRouter>, code: EngramErrorCode) {
    super(from.message, { result: from.shape ? { error: from.shape } : undefined, cause: from.cause });
    // TRPCClientError's constructor pins its own prototype, which would hide this subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "EngramClientError";
    this.code = code;
    this.httpStatus = from.data?.httpStatus;
    this.meta = from.meta;
  }

  /** Wraps whatever a tRPC call failed with; an EngramClientError passes through unchanged. */
  static of(error: unknown): EngramClientError {
    if (error instanceof EngramClientError) return error;
    const trpcError = TRPCClientError.from<AppRouter>(
      error instanceof Error ? error : new Error(String(error)),
    );
    return new EngramClientError(trpcError, codeOf(trpcError));
  }
}

function codeOf(error: TRPCClientError<AppRouter>): EngramErrorCode {
  if (error.data?.code) return error.data.code;
  if (causedBy(error.cause, "TimeoutError")) return "TIMEOUT";
  if (causedBy(error.cause, "AbortError")) return "CLIENT_CLOSED_REQUEST";
  return "NETWORK_ERROR";
}

function causedBy(cause: unknown, name: string): boolean {
  return cause instanceof Error && (cause.name === name || causedBy(cause.cause, name));
}
