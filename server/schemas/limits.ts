/** Limits the dashboard's forms share with the server's schemas (this module imports nothing, so browsers can load it). */

/** Longest text a transcript search accepts. */
export const MAX_TRANSCRIPT_QUERY_CHARS = 200;
