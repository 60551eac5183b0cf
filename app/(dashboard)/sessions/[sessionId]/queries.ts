/** The transcript's query, shared by the server prefetch and the client component. */
export const TRANSCRIPT_PAGE = 100;

export const transcriptInput = (sessionId: string) => ({
  sessionId,
  limit: TRANSCRIPT_PAGE,
});

export const nextTranscriptCursor = (page: { next_cursor: number | null }) => page.next_cursor ?? undefined;

/** How often the open session page asks for new messages. */
export const LIVE_INTERVAL_MS = 2_000;
