import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Caller = Awaited<ReturnType<typeof callerFor>>;

const contents = (results: { message?: { content: string } }[]) => results.map((r) => r.message?.content);

async function addContents(api: Caller, sessionId: string, contents: string[]) {
  await api.memory.add({ sessionId, messages: contents.map((content) => ({ role: "Ada", content })) });
}

// Search looks for trigram near misses only when full text does not fill the candidate list; the
// results must be the same either way: full-text matches first, near misses after them.
describe.each(backends)("full-text and near-miss ranking on %s", (backend) => {
  const t = useTestDatabase(backend, `search_ranking_${backend}`);

  it("returns only full-text matches, best first, when they fill the list", async () => {
    const api = await callerFor(t.db);
    await addContents(api, "s1", [
      "please refund the refund for my flight refund",
      "a refun for the flight", // near miss only
      ...Array.from({ length: 8 }, (_, index) => `refund request number ${index + 1}`),
    ]);
    const results = await api.search.query({ sessionId: "s1", text: "refund", limit: 2 });
    expect(contents(results)[0]).toBe("please refund the refund for my flight refund");
    expect(results).toHaveLength(2);
    expect(contents(results)).not.toContain("a refun for the flight");
    expect(results.every((result) => result.score > 0.5)).toBe(true);
  });

  it("adds near misses after the full-text matches when those are too few", async () => {
    const api = await callerFor(t.db);
    await addContents(api, "s1", ["a refun for the flight", "I want a refund", "nothing related here"]);
    const results = await api.search.query({ sessionId: "s1", text: "refund", limit: 5 });
    expect(contents(results)).toEqual(["I want a refund", "a refun for the flight"]);
    expect(results[0]!.score).toBeGreaterThan(0.5);
    expect(results[1]!.score).toBeLessThanOrEqual(0.5);
  });

  it("ranks the same way in a long session (full text through the index first)", async () => {
    const api = await callerFor(t.db);
    const filler = Array.from(
      { length: 240 },
      (_, index) => `small talk about the weather, part ${index + 1}`,
    );
    const matches = Array.from({ length: 12 }, (_, index) => `refund request number ${index + 1}`);
    await addContents(api, "long", [...filler, "a refun for the flight", ...matches]);

    const filled = await api.search.query({ sessionId: "long", text: "refund", limit: 3 });
    expect(filled).toHaveLength(3);
    expect(contents(filled).every((content) => content?.startsWith("refund request"))).toBe(true);

    const withNearMiss = await api.search.query({ sessionId: "long", text: "refund", limit: 13 });
    expect(
      contents(withNearMiss)
        .slice(0, 12)
        .every((content) => content?.startsWith("refund request")),
    ).toBe(true);
    expect(contents(withNearMiss)[12]).toBe("a refun for the flight");
  });
});
