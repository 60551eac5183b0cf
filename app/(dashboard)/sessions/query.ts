/** The sessions list as it opens: newest activity first, one page. */
export const defaultSessionQuery = { sort: "last_activity", order: "desc", limit: 25 } as const;
