import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runUntilIdle } from "@/server/jobs/worker";
import { openAiFactExtractor } from "@/server/providers/facts";
import { backends, callerFor, useTestDatabase } from "../support/databases";
import { type ChatRequest, type OpenAiStub, type StubMode, startOpenAiStub } from "../support/openai-stub";

const hour = 3_600_000;

type Operation =
  | { type: "add"; fact: string; rating: number; sources: string[] }
  | { type: "restate" | "invalidate"; fact_id: string; sources: string[]; replaced_by?: string };

/** The id the prompt gives a known fact, e.g. "F2" for "F2: Jane lives in Lisbon." */
function factId(request: ChatRequest, fact: string): string {
  const line = request.prompt.split("\n").find((text) => text.endsWith(`: ${fact}`) && /^F\d+:/.test(text));
  if (!line) throw new Error(`the prompt does not show the fact ${fact}`);
  return line.split(":")[0]!;
}

describe.each(backends)("fact extraction on %s", (backend) => {
  const t = useTestDatabase(backend, `facts_extraction_${backend}`);
  let stub: OpenAiStub;
  /** What the model answers for each request, in order. */
  let script: ((request: ChatRequest) => Operation[] | string)[];

  /** Patient enough for a busy machine; the test of a model that never answers shortens it. */
  let timeoutMs = 5_000;
  const extractor = () =>
    openAiFactExtractor({ baseUrl: stub.url, model: "stub", timeoutMs, maxTokens: 512 });
  const worker = (options: Parameters<typeof runUntilIdle>[1] = {}) =>
    runUntilIdle(t.db, {
      factExtractor: extractor(),
      embedder: undefined,
      window: 1_000,
      factMinMessages: 1,
      ...options,
    });

  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => {
    stub.mode = "ok";
    stub.chatRequests.length = 0;
    script = [];
    timeoutMs = 5_000;
    stub.summarize = (request) => {
      const step = script.shift();
      if (!step) return JSON.stringify({ operations: [] });
      const answer = step(request);
      return typeof answer === "string" ? answer : JSON.stringify({ operations: answer });
    };
  });

  async function jane() {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.sessions.create({ session_id: "s1", user_id: "jane" });
    return api;
  }

  const say = (content: string) => ({ role: "Jane", role_type: "user" as const, content });

  it("adds a fact with its sources, one model call per batch of new messages", async () => {
    const api = await jane();
    const added = await api.memory.add({
      sessionId: "s1",
      messages: [say("Hi there!"), say("I live in Lisbon now."), { role: "Bot", content: "Nice city." }],
    });
    script.push(() => [{ type: "add", fact: "Jane lives in Lisbon.", rating: 0.8, sources: ["M2"] }]);
    expect((await worker()).outcomes.done).toBe(1);

    expect(stub.chatRequests).toHaveLength(1);
    expect(stub.chatRequests[0]!.prompt).toContain("M2: Jane (user): I live in Lisbon now.");
    const facts = await api.facts.forUser({ userId: "jane" });
    expect(facts).toEqual([
      expect.objectContaining({
        fact: "Jane lives in Lisbon.",
        rating: expect.closeTo(0.8, 5),
        origin: "extracted",
        source_message_uuids: [added.message_uuids[1]],
        session_id: "s1",
        invalid_at: null,
      }),
    ]);
    expect((await api.facts.history({ uuid: facts[0]!.uuid })).changes[0]).toMatchObject({
      action: "added",
      actor: "engram",
    });
    // Nothing new: no call.
    await worker();
    expect(stub.chatRequests).toHaveLength(1);
    expect((await api.enrichment.status({ sessionId: "s1" })).state).toBe("up_to_date");
  });

  it("a restated fact is not duplicated, and the model sees what is known", async () => {
    const api = await jane();
    await api.memory.add({ sessionId: "s1", messages: [say("I live in Lisbon.")] });
    script.push(() => [{ type: "add", fact: "Jane lives in Lisbon.", rating: 0.8, sources: ["M1"] }]);
    await worker();
    const second = await api.memory.add({ sessionId: "s1", messages: [say("As I said, I'm in Lisbon.")] });
    script.push((request) => [
      { type: "restate", fact_id: factId(request, "Jane lives in Lisbon."), sources: ["M1"] },
      // A model that adds the same fact again is deduplicated too.
      { type: "add", fact: "jane lives in Lisbon", rating: 0.7, sources: ["M1"] },
    ]);
    await worker();
    const facts = await api.facts.forUser({ userId: "jane" });
    expect(facts).toHaveLength(1);
    expect(facts[0]!.source_message_uuids).toHaveLength(2);
    expect(facts[0]!.source_message_uuids[1]).toBe(second.message_uuids[0]);
  });

  it("a contradiction closes the old fact, the new one is valid, and as_of lists each in its time", async () => {
    const api = await jane();
    await api.memory.add({ sessionId: "s1", messages: [say("I live in Porto.")] });
    script.push(() => [{ type: "add", fact: "Jane lives in Porto.", rating: 0.8, sources: ["M1"] }]);
    await worker();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    await api.memory.add({ sessionId: "s1", messages: [say("I moved to Lisbon last week.")] });
    script.push((request) => [
      {
        type: "invalidate",
        fact_id: factId(request, "Jane lives in Porto."),
        sources: ["M1"],
        replaced_by: "Jane lives in Lisbon.",
      },
      { type: "add", fact: "Jane lives in Lisbon.", rating: 0.8, sources: ["M1"] },
    ]);
    await worker();

    const now = await api.facts.forUser({ userId: "jane" });
    expect(now.map((fact) => fact.fact)).toEqual(["Jane lives in Lisbon."]);
    const history = await api.facts.forUser({ userId: "jane", includeInvalid: true });
    const porto = history.find((fact) => fact.fact === "Jane lives in Porto.")!;
    expect(porto).toMatchObject({ invalid_reason: "contradicted", superseded_by: now[0]!.uuid });
    expect(Date.parse(porto.invalid_at!)).toBeGreaterThan(Date.parse(between));
    expect((await api.facts.forUser({ userId: "jane", asOf: between })).map((fact) => fact.fact)).toEqual([
      "Jane lives in Porto.",
    ]);
    expect(
      (await api.facts.forUser({ userId: "jane", asOf: new Date().toISOString() })).map((fact) => fact.fact),
    ).toEqual(["Jane lives in Lisbon."]);
  });

  it("a pinned fact survives a contradicting extraction", async () => {
    const api = await jane();
    const pinned = await api.facts.addForUser({ userId: "jane", fact: "Jane is vegetarian.", pinned: true });
    await api.memory.add({ sessionId: "s1", messages: [say("I had a steak yesterday.")] });
    script.push((request) => [
      { type: "invalidate", fact_id: factId(request, "Jane is vegetarian."), sources: ["M1"] },
    ]);
    expect((await worker()).outcomes.done).toBe(1);
    expect(await api.facts.get({ uuid: pinned.uuid })).toMatchObject({ invalid_at: null, pinned: true });
    expect((await api.facts.history({ uuid: pinned.uuid })).changes.map((change) => change.action)).toEqual([
      "added",
      "kept_pinned",
    ]);
  });

  it("deleting the message a fact came from invalidates it", async () => {
    const api = await jane();
    const added = await api.memory.add({ sessionId: "s1", messages: [say("My cat is called Miso.")] });
    script.push(() => [{ type: "add", fact: "Jane's cat is called Miso.", rating: 0.5, sources: ["M1"] }]);
    await worker();
    const [fact] = await api.facts.forUser({ userId: "jane" });
    await api.messages.delete({ sessionId: "s1", uuid: added.message_uuids[0]! });
    expect(await api.facts.get({ uuid: fact!.uuid })).toMatchObject({ invalid_reason: "source_deleted" });
    expect(await api.facts.forUser({ userId: "jane" })).toEqual([]);
  });

  it.each([
    ["HTTP 503", "unavailable" as StubMode, /HTTP 503/],
    ["nothing in time", "slow" as StubMode, /did not answer within 300 ms/],
    ["an HTML page", "garbage" as StubMode, /something other than JSON/],
    ["not JSON", "ok" as StubMode, /something other than JSON/],
    ["invalid operations", "ok" as StubMode, /invalid operations/],
    ["unknown ids", "ok" as StubMode, /unknown message "M9"/],
  ])("a model answering %s (%s): visible failure, retried, nothing stored", async (answer, mode, error) => {
    const api = await jane();
    await api.memory.add({ sessionId: "s1", messages: [say("I live in Lisbon.")] });
    stub.mode = mode;
    if (mode === "slow") timeoutMs = 300;
    if (answer === "not JSON") script.push(() => "Sure! Jane lives in Lisbon.");
    if (answer === "invalid operations")
      script.push(() =>
        JSON.stringify({ operations: [{ type: "add", fact: "Jane lives in Lisbon.", rating: 7 }] }),
      );
    if (answer === "unknown ids")
      script.push(() => [{ type: "add", fact: "Jane lives in Lisbon.", rating: 0.5, sources: ["M9"] }]);

    expect((await worker()).outcomes.failed).toBe(1);
    const status = await api.enrichment.status({ sessionId: "s1" });
    expect(status).toMatchObject({ state: "failing", attempts: 1 });
    expect(status.last_error).toMatch(error);
    expect(await api.facts.forUser({ userId: "jane", includeInvalid: true })).toEqual([]);

    // Not retried before its backoff; retried after it, and then it succeeds.
    expect((await worker()).claimed).toBe(0);
    stub.mode = "ok";
    timeoutMs = 5_000;
    script.length = 0;
    script.push(() => [{ type: "add", fact: "Jane lives in Lisbon.", rating: 0.5, sources: ["M1"] }]);
    expect((await worker({ clockOffsetMs: hour })).outcomes.done).toBe(1);
    expect((await api.facts.forUser({ userId: "jane" })).map((fact) => fact.fact)).toEqual([
      "Jane lives in Lisbon.",
    ]);
    expect(await api.enrichment.status({ sessionId: "s1" })).toMatchObject({ attempts: 0, last_error: null });
  });

  it("two workers extract each batch once", async () => {
    const api = await callerFor(t.db);
    for (let index = 0; index < 6; index += 1) {
      await api.memory.add({ sessionId: `s${index}`, messages: [say(`I own ${index + 2} bikes.`)] });
    }
    stub.summarize = (request) => {
      const count = /I own (\d+) bikes/.exec(request.prompt)![1];
      return JSON.stringify({
        operations: [{ type: "add", fact: `Jane owns ${count} bikes.`, rating: 0.5, sources: ["M1"] }],
      });
    };
    const [first, second] = await Promise.all([
      worker({ owner: "first", concurrency: 2 }),
      worker({ owner: "second", concurrency: 2 }),
    ]);
    // A session may be claimed again after its work is done (a discovery that read the session
    // just before) and then finds nothing to do: what counts is that every batch is read once.
    expect(first.claimed + second.claimed).toBeGreaterThanOrEqual(6);
    expect(first.outcomes.failed + second.outcomes.failed).toBe(0);
    expect(stub.chatRequests).toHaveLength(6);
    for (let index = 0; index < 6; index += 1) {
      expect((await api.facts.forSession({ sessionId: `s${index}` })).map((fact) => fact.fact)).toEqual([
        `Jane owns ${index + 2} bikes.`,
      ]);
    }
  });

  it("a large backlog is read in batches of the configured size", async () => {
    const api = await jane();
    await api.memory.add({
      sessionId: "s1",
      messages: Array.from({ length: 25 }, (_, index) => say(`Line ${index}.`)),
    });
    await worker({ factBatchSize: 10 });
    expect(stub.chatRequests).toHaveLength(3);
    expect(stub.chatRequests[2]!.prompt).toContain("M5: Jane (user): Line 24.");
  });

  it("waits for several new messages, or for a pause, before calling the model", async () => {
    const api = await jane();
    const waiting = { factMinMessages: 4, factQuietMs: 60_000 };
    await api.memory.add({ sessionId: "s1", messages: [say("One."), say("Two.")] });
    await worker(waiting);
    expect(stub.chatRequests).toHaveLength(0);
    expect(await api.enrichment.status({ sessionId: "s1" })).toMatchObject({ unenriched_messages: 0 });

    await api.memory.add({ sessionId: "s1", messages: [say("Three."), say("Four.")] });
    await worker(waiting);
    expect(stub.chatRequests).toHaveLength(1);
    expect(stub.chatRequests[0]!.prompt).toContain("M4: Jane (user): Four.");

    await api.memory.add({ sessionId: "s1", messages: [say("Five.")] });
    await worker(waiting);
    expect(stub.chatRequests).toHaveLength(1);
    // The conversation has paused long enough.
    await worker({ ...waiting, factQuietMs: 0 });
    expect(stub.chatRequests).toHaveLength(2);
    expect(stub.chatRequests[1]!.prompt).toContain("M1: Jane (user): Five.");
  });

  it("passes the user's fact_rating_instruction to the model", async () => {
    const api = await jane();
    await api.users.update({
      userId: "jane",
      patch: {
        metadata: {
          fact_rating_instruction: {
            instruction: "Rate travel plans highly.",
            examples: { high: "Jane flies to Oslo." },
          },
        },
      },
    });
    await api.memory.add({ sessionId: "s1", messages: [say("I fly to Oslo in June.")] });
    await worker();
    expect(stub.chatRequests[0]!.prompt).toContain(
      "How to rate importance: Rate travel plans highly.\nA high rating: Jane flies to Oslo.",
    );
  });
  it("uses the fact_rating_instruction stored on the session, else the one stored on the user", async () => {
    const api = await callerFor(t.db);
    await api.users.create({
      user_id: "jane",
      fact_rating_instruction: { instruction: "Rate food preferences highly." },
    });
    await api.sessions.create({
      session_id: "s1",
      user_id: "jane",
      fact_rating_instruction: {
        instruction: "Rate travel plans highly.",
        examples: { high: "Jane flies to Oslo.", low: "Jane likes tea." },
      },
    });
    await api.sessions.create({ session_id: "s2", user_id: "jane" });
    expect((await api.users.get({ userId: "jane" })).fact_rating_instruction).toEqual({
      instruction: "Rate food preferences highly.",
    });

    await api.memory.add({ sessionId: "s1", messages: [say("I fly to Oslo in June.")] });
    await worker();
    expect(stub.chatRequests).toHaveLength(1);
    expect(stub.chatRequests[0]!.prompt).toContain(
      "How to rate importance: Rate travel plans highly.\nA high rating: Jane flies to Oslo.\nA low rating: Jane likes tea.",
    );
    expect(stub.chatRequests[0]!.prompt).not.toContain("food preferences");

    await api.memory.add({ sessionId: "s2", messages: [say("I love ramen.")] });
    await worker();
    expect(stub.chatRequests).toHaveLength(2);
    expect(stub.chatRequests[1]!.prompt).toContain("How to rate importance: Rate food preferences highly.");

    // An update replaces the session's instruction; one without it leaves the instruction as it was.
    await api.sessions.update({
      sessionId: "s2",
      patch: { fact_rating_instruction: { instruction: "Rate dietary needs highly." } },
    });
    await api.sessions.update({ sessionId: "s2", patch: { metadata: { channel: "web" } } });
    expect((await api.sessions.get({ sessionId: "s2" })).fact_rating_instruction).toEqual({
      instruction: "Rate dietary needs highly.",
    });
    await api.memory.add({ sessionId: "s2", messages: [say("I cannot eat gluten.")] });
    await worker();
    expect(stub.chatRequests[2]!.prompt).toContain("How to rate importance: Rate dietary needs highly.");

    await expect(
      api.sessions.update({
        sessionId: "s2",
        patch: { fact_rating_instruction: { instruction: 5 } as never },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
