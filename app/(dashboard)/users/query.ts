/** The users list as it opens: newest first, one page. */
export const defaultUserQuery = { sort: "created_at", order: "desc", limit: 25 } as const;
