import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "../../../_lib/trpc-server";
import { nextTranscriptCursor, transcriptInput } from "./queries";
import { SessionView } from "./session-view";

type Params = { params: Promise<{ sessionId: string }> };

/** Next hands over the path segment still percent-encoded on some paths; decode it exactly once. */
function sessionIdFrom(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Session ${sessionIdFrom((await params).sessionId)}` };
}

export default async function SessionPage({ params }: Params) {
  const sessionId = sessionIdFrom((await params).sessionId);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.sessions.get.queryOptions({ sessionId })),
    queryClient.prefetchInfiniteQuery(
      trpc.messages.transcript.infiniteQueryOptions(transcriptInput(sessionId), {
        getNextPageParam: nextTranscriptCursor,
      }),
    ),
    queryClient.prefetchQuery(trpc.dashboard.summaries.queryOptions({ sessionId })),
  ]);
  return (
    <HydrateClient>
      <SessionView key={sessionId} sessionId={sessionId} />
    </HydrateClient>
  );
}
