import { describe, expect, it } from "vitest";
import { serverForTests } from "../support/server";

/*
 * REST sends a short session's search results as Postgres wrote them, where tRPC parses them into
 * objects and writes them out again: both must carry the same results, in a session searched in one
 * statement and in one long enough (over 200 messages) to take the general path.
 */

const server = serverForTests("rest_search");
const auth = () => ({ Authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" });

async function addMessages(sessionId: string, contents: string[]) {
  for (let start = 0; start < contents.length; start += 50) {
    const messages = contents.slice(start, start + 50).map((content, index) => ({
      role: index % 2 === 0 ? "customer" : "agent",
      role_type: index % 2 === 0 ? "user" : "assistant",
      content,
      metadata: { position: start + index, tags: ["é", "\u2028", 'quote " and \\ backslash'] },
    }));
    const response = await fetch(`${server.url}/api/v2/sessions/${sessionId}/memory`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ messages }),
    });
    expect(response.status, await response.text()).toBe(200);
  }
}

async function restSearch(sessionId: string, body: unknown, limit = 5) {
  const response = await fetch(`${server.url}/api/v2/sessions/${sessionId}/search?limit=${limit}`, {
    method: "POST",
    headers: auth(),
    body: JSON.stringify(body),
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as {
    message: { content: string };
    metadata: { position: number };
    score: number;
    dist: number;
  }[];
}

async function trpcSearch(input: unknown) {
  const response = await fetch(
    `${server.url}/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: auth() },
  );
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return (JSON.parse(text) as { result: { data: unknown[] } }).result.data;
}

const chatter = (index: number) =>
  [
    `Our refund for the flight to Lisbon arrived on day ${index}`,
    `The hotel said "no" to a late checkout \\ again, day ${index}`,
    `Meeting notes ${index}: budget, schedule, the refnud form`,
    `Nothing about travel here, line ${index} — café ☕`,
  ][index % 4]!;

describe("REST search", () => {
  it("answers what tRPC answers, in a short session and in a long one", async () => {
    await addMessages(
      "search-short",
      Array.from({ length: 30 }, (_, index) => chatter(index)),
    );
    await addMessages(
      "search-long",
      Array.from({ length: 260 }, (_, index) => chatter(index)),
    );

    for (const sessionId of ["search-short", "search-long"]) {
      for (const text of ["refund for the flight", "refnud", "checkout café", "what is my budget?"]) {
        const rest = await restSearch(sessionId, { text });
        expect(rest.length, `${sessionId}: ${text}`).toBeGreaterThan(0);
        expect(rest).toEqual(await trpcSearch({ sessionId, text, limit: 5 }));
        for (const result of rest) expect(result.dist).toBe(result.score);
      }
      // With a filter: the general path, whatever the session's length.
      const filter = { where: { jsonpath: "$.position ? (@ < 8)" } };
      const filtered = await restSearch(sessionId, { text: "refund", metadata: filter });
      expect(filtered.map((result) => result.message.content)).toEqual(
        expect.arrayContaining([chatter(0), chatter(4)]),
      );
      for (const result of filtered) expect(result.metadata.position).toBeLessThan(8);
      expect(filtered).toEqual(await trpcSearch({ sessionId, text: "refund", limit: 5, metadata: filter }));
    }
  });
});
