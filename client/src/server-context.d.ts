/**
 * Stands in for the server's tRPC module in the bundled declarations: the router's type names the
 * per-request context (database, principal), which a client never sees and must not depend on.
 */
export type Context = object;
