// Calls the compiler must reject: each line after a directive is an error, or the check fails.
import { createEngramClient, type RouterInputs, type RouterOutputs } from "@engram/client";

const engram = createEngramClient({ url: "http://localhost:3000", apiKey: "key" });

export async function wrongCalls() {
  // @ts-expect-error: no such procedure
  await engram.memory.nope.query({ sessionId: "s" });
  // @ts-expect-error: no such router
  await engram.nothingHere.get.query({});
  // @ts-expect-error: unknown memory type
  await engram.memory.get.query({ sessionId: "s", memoryType: "bogus" });
  // @ts-expect-error: sessionId is a string
  await engram.memory.get.query({ sessionId: 42 });
  const wizard = { role: "x", role_type: "wizard", content: "hi" } as const;
  // @ts-expect-error: role_type is one of Zep's roles
  await engram.memory.add.mutate({ sessionId: "s", messages: [wizard] });
  // @ts-expect-error: messages are required
  await engram.memory.add.mutate({ sessionId: "s" });
  // @ts-expect-error: a query is not a mutation
  await engram.memory.get.mutate({ sessionId: "s" });
  const memory = await engram.memory.get.query({ sessionId: "s" });
  // @ts-expect-error: memory has no such field
  memory.transcript;
  // @ts-expect-error: content is a string, not a number
  const length: number = memory.messages[0]!.content;
  const hits = await engram.search.query.query({ text: "x" });
  // @ts-expect-error: a search result has no such field
  hits[0]?.relevance;
  // @ts-expect-error: search text is a string
  await engram.search.query.query({ text: 7 });
  return length;
}

// @ts-expect-error: the input types are exact too
export const input: RouterInputs["memory"]["get"] = { sessionId: "s", memoryType: "bogus" };
// @ts-expect-error: and so are the output types
export const output: RouterOutputs["memory"]["add"]["nope"] = 1;
// @ts-expect-error: the client needs a URL
createEngramClient({ apiKey: "key" });
