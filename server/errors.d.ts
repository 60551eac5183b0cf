import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
export type AppErrorCode = "INVALID" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "ALREADY_EXISTS" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "TOO_MANY_REQUESTS";
/** The one error type services throw; each edge maps its code below and nowhere else. */
export declare class AppError extends Error {
    readonly code: AppErrorCode;
    constructor(code: AppErrorCode, message: string);
}
export declare const notFound: (what: string) => AppError;
export declare const invalid: (message: string) => AppError;
/** HTTP status for each code. Zep's clients expect 400 (not 409) when an id already exists. */
export declare const httpStatusOf: Record<AppErrorCode, number>;
export declare const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY>;
/** Any thrown value as an AppError when it is the caller's fault, or undefined when it is ours. */
export declare function asAppError(error: unknown): AppError | undefined;
