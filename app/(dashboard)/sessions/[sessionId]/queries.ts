/** The transcript's query, shared by the server prefetch and the client component. */
export const TRANSCRIPT_PAGE = 100;

export const transcriptInput = (sessionId: string) => ({
  sessionId,
  limit: TRANSCRIPT_PAGE,
  direction: "backward" as const,
});

export const nextTranscriptCursor = (page: { next_cursor: number | null }) => page.next_cursor ?? undefined;
