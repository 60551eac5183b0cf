// React through @engram/client/react, rendered on the server against a live Engram.

import { createEngramClient } from "@engram/client";
import { EngramProvider, useEngram } from "@engram/client/react";
import { QueryClient, QueryClientProvider, useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { prerender } from "react-dom/static";

function Transcript({ sessionId }: { sessionId: string }) {
  const engram = useEngram();
  const { data } = useSuspenseQuery(engram.memory.get.queryOptions({ sessionId, memoryType: "perpetual" }));
  // @ts-expect-error: the query's data is typed, and has no such field
  data.transcript;
  return (
    <ul>
      {data.messages.map((message) => (
        <li key={message.uuid}>
          {message.role_type}: {message.content}
        </li>
      ))}
    </ul>
  );
}

const queryClient = new QueryClient();
const engramClient = createEngramClient({
  url: process.env.ENGRAM_URL ?? "",
  apiKey: process.env.ENGRAM_API_KEY ?? "",
});
const { prelude } = await prerender(
  <QueryClientProvider client={queryClient}>
    <EngramProvider queryClient={queryClient} trpcClient={engramClient}>
      <Suspense fallback={<p>loading</p>}>
        <Transcript sessionId={process.env.ENGRAM_SESSION ?? ""} />
      </Suspense>
    </EngramProvider>
  </QueryClientProvider>,
);
console.log(await new Response(prelude).text());
