// A chat app's use of Engram through the installed @engram/client, run against a live server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEngramClient, EngramClientError, type RouterOutputs } from "@engram/client";

const url = process.env.ENGRAM_URL ?? "";
const apiKey = process.env.ENGRAM_API_KEY ?? "";
const sessionId = process.env.ENGRAM_SESSION ?? "";

async function failure(call: () => Promise<unknown>) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    if (!(error instanceof EngramClientError)) return { thrown: true, engramClientError: false };
    return { thrown: true, engramClientError: true, code: error.code, httpStatus: error.httpStatus };
  }
}

const requests: { url: string; authorization: string | null; app: string | null }[] = [];
const countingFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  requests.push({
    url: String(input),
    authorization: headers.get("authorization"),
    app: headers.get("x-app"),
  });
  return fetch(input, init);
};

const engram = createEngramClient({ url, apiKey, fetch: countingFetch, headers: { "x-app": "scratch" } });

// The three calls a chat app makes each turn.
const added = await engram.memory.add.mutate({
  sessionId,
  messages: [
    { role: "Jane", role_type: "user", content: "I'm flying to Lisbon on Friday." },
    { role: "assistant", role_type: "assistant", content: "Lovely! Pack for warm weather." },
  ],
});
const memory: RouterOutputs["memory"]["get"] = await engram.memory.get.query({
  sessionId,
  memoryType: "perpetual",
});
const hits = await engram.search.query.query({ text: "Lisbon", sessionId });
const turnRequests = requests.length;
const sentHeaders = requests[0];

// Three queries in one tick: one HTTP request when batching, three without.
requests.length = 0;
await Promise.all([
  engram.memory.get.query({ sessionId }),
  engram.sessions.get.query({ sessionId }),
  engram.memory.summaries.query({ sessionId }),
]);
const batchedRequests = requests.length;
const unbatched = createEngramClient({ url, apiKey, fetch: countingFetch, batch: false });
requests.length = 0;
await Promise.all([
  unbatched.memory.get.query({ sessionId }),
  unbatched.sessions.get.query({ sessionId }),
  unbatched.memory.summaries.query({ sessionId }),
]);
const unbatchedRequests = requests.length;

// Errors carry the server's code.
const userId = `${sessionId}-user`;
await engram.users.create.mutate({ user_id: userId });
const notFound = await failure(() => engram.memory.get.query({ sessionId: `${sessionId}-missing` }));
const conflict = await failure(() => engram.users.create.mutate({ user_id: userId }));
const badRequest = await failure(() => engram.memory.add.mutate({ sessionId, messages: [] }));
const unauthorized = await failure(() =>
  createEngramClient({ url, apiKey: "not-a-key-of-this-server" }).memory.get.query({ sessionId }),
);

// A server that never answers: the timeout ends the call.
const silent = createServer(() => {});
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
const startedAt = Date.now();
const timeout = await failure(() =>
  createEngramClient({ url: silentUrl, apiKey, timeoutMs: 300 }).memory.get.query({ sessionId }),
);
const timeoutAfterMs = Date.now() - startedAt;
// The app gives up on its own.
const controller = new AbortController();
setTimeout(() => controller.abort(), 100);
const aborted = await failure(() =>
  createEngramClient({ url: silentUrl, apiKey }).memory.get.query(
    { sessionId },
    { signal: controller.signal },
  ),
);
silent.closeAllConnections();
silent.close();
// Nothing listens there any more: no reply at all.
const unreachable = await failure(() =>
  createEngramClient({ url: silentUrl, apiKey }).memory.get.query({ sessionId }),
);

console.log(
  JSON.stringify({
    added,
    memory,
    hits,
    turnRequests,
    sentHeaders,
    batchedRequests,
    unbatchedRequests,
    notFound,
    conflict,
    badRequest,
    unauthorized,
    timeout,
    timeoutAfterMs,
    aborted,
    unreachable,
  }),
);
