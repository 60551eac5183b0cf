import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { messages, sessions } from "@/db/schema";
import { claimSessions } from "@/server/jobs/leases";
import { runUntilIdle } from "@/server/jobs/worker";
import type { Embedder } from "@/server/providers/embeddings";
import { openAiSummarizer } from "@/server/providers/summarizer";
import { backends, callerFor, useTestDatabase } from "../support/databases";
import { type OpenAiStub, type StubMode, startOpenAiStub } from "../support/openai-stub";

const hour = 3_600_000;
const say = (n: number) => ({
  role: "Ana",
  role_type: "user" as const,
  content: `Ana says line ${n} of the story.`,
});
const lines = (from: number, count: number) => Array.from({ length: count }, (_, i) => say(from + i));

describe.each(backends)("enrichment failures on %s", (backend) => {
  const t = useTestDatabase(backend, `enrich_failures_${backend}`);
  let stub: OpenAiStub;
  const summarizer = () =>
    openAiSummarizer({
      baseUrl: stub.url,
      model: "stub",
      timeoutMs: 300,
      contextTokens: 4_096,
      maxTokens: 256,
    });
  const worker = (options: Parameters<typeof runUntilIdle>[1] = {}) =>
    runUntilIdle(t.db, { summarizer: summarizer(), embedder: undefined, window: 12, ...options });

  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => {
    stub.mode = "ok";
    stub.chatRequests.length = 0;
  });

  /** The perpetual invariant: summary + messages cover the whole session, no gap, no overlap. */
  async function expectComplete(sessionId: string) {
    const api = await callerFor(t.db);
    const all = (await api.messages.list({ sessionId, limit: 1000 })).messages;
    const memory = await api.memory.get({ sessionId, memoryType: "perpetual" });
    expect(memory.messages).toHaveLength(6);
    const oldest = all.findIndex((m) => m.uuid === memory.messages[0]!.uuid);
    expect(oldest).toBe(all.length - 6);
    expect(memory.summary?.recent_message_uuid).toBe(all[oldest - 1]!.uuid);
    expect((await api.enrichment.status({ sessionId })).state).toBe("up_to_date");
  }

  it.each([
    ["unavailable", /HTTP 503/],
    ["slow", /did not answer within 300 ms/],
    ["garbage", /something other than JSON/],
  ] as [StubMode, RegExp][])(
    "a provider that is %s: memory is unaffected, failure visible, retried, then complete",
    async (mode, error) => {
      const api = await callerFor(t.db);
      stub.mode = mode;
      await api.memory.add({ sessionId: "story", messages: lines(0, 20) });

      const first = await worker();
      expect(first.outcomes).toMatchObject({ failed: 1, done: 0 });
      const failing = await api.enrichment.status({ sessionId: "story" });
      // Entities do not wait for the summarizer.
      expect(failing).toMatchObject({
        state: "failing",
        attempts: 1,
        unsummarized_messages: 20,
        unenriched_messages: 0,
      });
      expect(failing.last_error).toMatch(error);
      expect(Date.parse(failing.next_attempt_at!)).toBeGreaterThan(Date.parse(failing.last_error_at!));
      expect(await api.enrichment.failures({})).toEqual([
        expect.objectContaining({ session_id: "story", attempts: 1 }),
      ]);

      // Adding and reading memory go on as usual while the provider is failing.
      await api.memory.add({ sessionId: "story", messages: lines(20, 10) });
      expect((await api.memory.get({ sessionId: "story", memoryType: "perpetual" })).messages).toHaveLength(
        30,
      );

      // Not due before its backoff has passed; due after it.
      expect((await worker()).claimed).toBe(0);
      expect((await worker({ clockOffsetMs: hour })).outcomes.failed).toBe(1);
      expect(await api.enrichment.status({ sessionId: "story" })).toMatchObject({
        state: "failing",
        attempts: 2,
      });

      stub.mode = "ok";
      expect((await worker({ clockOffsetMs: 10 * hour })).outcomes.done).toBe(1);
      await expectComplete("story");
      expect(await api.enrichment.status({ sessionId: "story" })).toMatchObject({
        attempts: 0,
        last_error: null,
      });
      expect(await api.enrichment.failures({})).toEqual([]);
    },
  );

  it("an operator's retry makes a failing session due at once", async () => {
    const api = await callerFor(t.db);
    stub.mode = "unavailable";
    await api.memory.add({ sessionId: "story", messages: lines(0, 12) });
    await worker();
    stub.mode = "ok";
    expect((await worker()).claimed).toBe(0);
    expect((await api.enrichment.retry({ sessionId: "story" })).state).toBe("failing");
    expect((await worker()).outcomes.done).toBe(1);
    await expectComplete("story");
  });

  it("a worker that dies holding a lease loses nothing: the work resumes once the lease expires", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "story", messages: lines(0, 40) });
    await worker({ owner: "first", window: 1_000 }); // enrich only: nothing to fold at this window
    await api.memory.add({ sessionId: "story", messages: lines(40, 10) });

    const lease = { owner: "crashed", leaseMs: 60_000, clockOffsetMs: 0 };
    const { discoverWork } = await import("@/server/jobs/leases");
    await discoverWork(t.db, 12);
    expect(await claimSessions(t.db, lease, 10)).toHaveLength(1);
    // The crashed worker never comes back. While its lease lasts, no one else takes the session.
    expect((await worker({ owner: "other" })).claimed).toBe(0);
    expect((await api.enrichment.status({ sessionId: "story" })).in_progress).toBe(true);

    expect((await worker({ owner: "other", clockOffsetMs: 61_000 })).outcomes.done).toBe(1);
    await expectComplete("story");
  });

  it("a worker whose lease expired mid-summary cannot write its late result", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "story", messages: lines(0, 30) });
    const release = stub.holdChat();
    const requested = stub.nextChatRequest();
    const patient = openAiSummarizer({
      baseUrl: stub.url,
      model: "stub",
      timeoutMs: 60_000,
      contextTokens: 4_096,
      maxTokens: 256,
    });
    const stale = worker({ owner: "stale", leaseMs: 60_000, summarizer: patient });
    await requested;

    // Another instance, running after the stale lease has expired, does the work itself.
    const { extractiveSummarizer } = await import("@/server/providers/summarizer");
    const fresh = await worker({
      owner: "fresh",
      clockOffsetMs: 120_000,
      summarizer: extractiveSummarizer(),
    });
    expect(fresh.outcomes.done).toBe(1);

    release();
    expect((await stale).outcomes).toMatchObject({ lease_lost: 1, done: 0 });
    const history = await api.memory.summaries({ sessionId: "story" });
    expect(history).toHaveLength(1);
    expect(history[0]!.content).not.toContain("Summary");
    await expectComplete("story");
  });

  it("a worker whose lease expired while embedding cannot write its late enrichment", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "late-embedding", messages: lines(0, 3) });
    let release = () => {};
    let asked = () => {};
    const embedding = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const stalled: Embedder = {
      name: "stalled",
      embed: async (texts) => {
        asked();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return texts.map(() => [9, 9, 9]);
      },
    };
    const stale = worker({ owner: "stale", leaseMs: 60_000, embedder: stalled });
    await embedding;

    // Another instance, running after the stale lease has expired, enriches the messages itself.
    const fresh = await worker({
      owner: "fresh",
      clockOffsetMs: 120_000,
      embedder: { name: "fresh", embed: async (texts) => texts.map(() => [1, 2, 3]) },
    });
    expect(fresh.outcomes.done).toBe(1);

    release();
    expect((await stale).outcomes).toMatchObject({ lease_lost: 1, done: 0 });
    const rows = await t.db
      .select({ embedding: messages.embedding })
      .from(messages)
      .innerJoin(sessions, eq(sessions.id, messages.sessionPk))
      .where(eq(sessions.sessionId, "late-embedding"));
    expect(rows.map((row) => row.embedding)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });
});

describe("two workers on one Postgres database", () => {
  const t = useTestDatabase("postgres", "enrich_two_workers");
  let stub: OpenAiStub;
  beforeAll(async () => {
    stub = await startOpenAiStub();
  });
  afterAll(async () => {
    await stub.close();
  });

  it("a worker in a long provider call keeps its lease alive", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "slow", messages: lines(0, 12) });
    const summarizer = openAiSummarizer({
      baseUrl: stub.url,
      model: "stub",
      timeoutMs: 30_000,
      contextTokens: 4_096,
      maxTokens: 64,
    });
    const release = stub.holdChat();
    const requested = stub.nextChatRequest();
    const busy = runUntilIdle(t.db, {
      owner: "busy",
      leaseMs: 1_500,
      summarizer,
      embedder: undefined,
      window: 12,
    });
    await requested;
    // Twice the lease passes in real time; the heartbeat keeps extending it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(
      (await runUntilIdle(t.db, { owner: "other", summarizer, embedder: undefined, window: 12 })).claimed,
    ).toBe(0);
    release();
    expect((await busy).outcomes).toMatchObject({ done: 1, lease_lost: 0 });
    expect(await api.memory.summaries({ sessionId: "slow" })).toHaveLength(1);
  });

  it("never fold the same messages twice", async () => {
    stub.chatRequests.length = 0;
    const api = await callerFor(t.db);
    const sessions = Array.from({ length: 8 }, (_, i) => `s${i}`);
    for (const sessionId of sessions) {
      for (let batch = 0; batch < 4; batch += 1) {
        await api.memory.add({
          sessionId,
          messages: Array.from({ length: 15 }, (_, i) => ({
            role: "Ana",
            content: `${sessionId} message ${batch * 15 + i}.`,
          })),
        });
      }
    }
    const options = (owner: string) => ({
      owner,
      concurrency: 3,
      window: 12,
      embedder: undefined,
      foldLimit: 20,
      summarizer: openAiSummarizer({
        baseUrl: stub.url,
        model: "stub",
        timeoutMs: 5_000,
        contextTokens: 4_096,
        maxTokens: 64,
      }),
    });
    const [one, two] = await Promise.all([
      runUntilIdle(t.db, options("one")),
      runUntilIdle(t.db, options("two")),
    ]);
    expect(one.outcomes.failed + two.outcomes.failed).toBe(0);

    let summaryCount = 0;
    for (const sessionId of sessions) {
      const all = (await api.messages.list({ sessionId, limit: 1000 })).messages;
      const history = await api.memory.summaries({ sessionId });
      summaryCount += history.length;
      const ends = history.map((s) => all.findIndex((m) => m.uuid === s.recent_message_uuid));
      expect(ends.every((end, i) => end >= 0 && (i === 0 || end > ends[i - 1]!))).toBe(true);
      // Every folded message was sent to the summarizer exactly once.
      for (const message of all.slice(0, ends[ends.length - 1]! + 1)) {
        const sent = stub.chatRequests.filter(
          (request) =>
            request.prompt.includes(`${message.content}\n`) || request.prompt.endsWith(message.content),
        );
        expect(sent, message.content).toHaveLength(1);
      }
      expect(all.length - 1 - ends[ends.length - 1]!).toBe(6);
    }
    expect(stub.chatRequests).toHaveLength(summaryCount);
  });
});
