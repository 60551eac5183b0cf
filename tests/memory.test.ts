import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

const turns = (count: number, prefix = "turn") =>
  Array.from({ length: count }, (_, index) => ({
    role: index % 2 === 0 ? "Jane" : "Bot",
    role_type: index % 2 === 0 ? ("user" as const) : ("assistant" as const),
    content: `${prefix} ${index + 1}`,
  }));

/** Adds `count` messages and returns their uuids in order. */
async function addTurns(api: Api, sessionId: string, count: number, prefix = "turn") {
  const result = await api.memory.add({ sessionId, messages: turns(count, prefix) });
  return result.message_uuids;
}

const contents = (memory: { messages: { content: string }[] }) =>
  memory.messages.map((message) => message.content);
const range = (from: number, to: number, prefix = "turn") =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix} ${from + index}`);

describe.each(backends)("memory on %s", (backend) => {
  const t = useTestDatabase(backend, `memory_${backend}`);

  describe("adding", () => {
    it("creates the session on first add and returns messages oldest first", async () => {
      const api = await callerFor(t.db);
      await expect(api.sessions.get({ sessionId: "s1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const result = await api.memory.add({
        sessionId: "s1",
        messages: [
          { role: "Jane", role_type: "user", content: "Hello" },
          { role: "Bot", role_type: "assistant", content: "Hi Jane", metadata: { mood: "cheerful" } },
        ],
      });
      expect(result.added).toBe(2);
      expect(result.message_uuids).toHaveLength(2);

      const memory = await api.memory.get({ sessionId: "s1" });
      expect(memory.memory_type).toBe("message_window");
      expect(memory.messages.map((m) => [m.role, m.role_type, m.content, m.metadata])).toEqual([
        ["Jane", "user", "Hello", {}],
        ["Bot", "assistant", "Hi Jane", { mood: "cheerful" }],
      ]);
      expect(memory.messages.map((m) => m.uuid)).toEqual(result.message_uuids);
      expect(memory.summary).toBeUndefined();

      const session = await api.sessions.get({ sessionId: "s1" });
      expect(session.message_count).toBe(2);
      expect(session.user_id).toBeNull();
      expect(session.last_message_at).not.toBeNull();
    });

    it("defaults role_type to norole", async () => {
      const api = await callerFor(t.db);
      await api.memory.add({ sessionId: "s", messages: [{ role: "narrator", content: "Once upon a time" }] });
      const memory = await api.memory.get({ sessionId: "s" });
      expect(memory.messages[0]!.role_type).toBe("norole");
    });

    it("appends to an existing session, keeping each batch's order", async () => {
      const api = await callerFor(t.db);
      await api.sessions.create({ session_id: "s", metadata: { topic: "tests" } });
      await addTurns(api, "s", 50, "first");
      await addTurns(api, "s", 7, "second");
      const memory = await api.memory.get({ sessionId: "s", lastn: 100 });
      expect(contents(memory)).toEqual([...range(1, 50, "first"), ...range(1, 7, "second")]);
      const session = await api.sessions.get({ sessionId: "s" });
      expect(session.message_count).toBe(57);
      expect(session.metadata).toEqual({ topic: "tests" });
    });

    it("fills token_count with the cl100k_base tokenizer", async () => {
      const api = await callerFor(t.db);
      await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "a", content: "tiktoken is great!" },
          { role: "a", content: "Hello world" },
          { role: "a", content: "" },
        ],
      });
      const memory = await api.memory.get({ sessionId: "s" });
      expect(memory.messages.map((m) => m.token_count)).toEqual([6, 2, 0]);
      expect((await api.sessions.get({ sessionId: "s" })).token_count).toBe(8);
    });

    it("revives a deleted session with only the new messages, fresh metadata and no summaries", async () => {
      const api = await callerFor(t.db);
      await api.users.create({ user_id: "jane" });
      await api.sessions.create({ session_id: "s", user_id: "jane", metadata: { old: true } });
      await api.sessions.update({ sessionId: "s", patch: { memory_type: "perpetual" } });
      const oldUuids = await addTurns(api, "s", 6, "old");
      await api.memory.addSummary({
        sessionId: "s",
        content: "old summary",
        recent_message_uuid: oldUuids[3]!,
      });

      await api.memory.delete({ sessionId: "s" });
      await expect(api.memory.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await addTurns(api, "s", 2, "new");
      const memory = await api.memory.get({ sessionId: "s" });
      expect(contents(memory)).toEqual(["new 1", "new 2"]);
      expect(memory.summary).toBeUndefined();
      expect(memory.memory_type).toBe("message_window");
      expect(await api.memory.summaries({ sessionId: "s" })).toEqual([]);
      await expect(api.messages.get({ sessionId: "s", uuid: oldUuids[0]! })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });

      const session = await api.sessions.get({ sessionId: "s" });
      expect(session.metadata).toEqual({});
      expect(session.user_id).toBeNull();
      expect(session.message_count).toBe(2);
      const list = await api.messages.list({ sessionId: "s" });
      expect(list.messages.map((m) => m.content)).toEqual(["new 1", "new 2"]);
    });

    it("stores a deleted message's uuid again after the session is revived", async () => {
      const api = await callerFor(t.db);
      const uuid = crypto.randomUUID();
      await api.memory.add({ sessionId: "s", messages: [{ uuid, role: "a", content: "before" }] });
      await api.memory.delete({ sessionId: "s" });
      const result = await api.memory.add({
        sessionId: "s",
        messages: [{ uuid, role: "a", content: "after" }],
      });
      expect(result.added).toBe(1);
      const message = await api.messages.get({ sessionId: "s", uuid });
      expect(message.content).toBe("after");
    });
  });

  describe("message uuids", () => {
    it("treats a re-sent batch as a no-op", async () => {
      const api = await callerFor(t.db);
      const batch = [
        { uuid: crypto.randomUUID(), role: "Jane", content: "one" },
        { uuid: crypto.randomUUID(), role: "Bot", content: "two" },
      ];
      const first = await api.memory.add({ sessionId: "s", messages: batch });
      expect(first.added).toBe(2);
      expect(first.message_uuids).toEqual(batch.map((m) => m.uuid));

      const again = await api.memory.add({
        sessionId: "s",
        messages: batch.map((m) => ({ ...m, content: `${m.content} (edited)` })),
      });
      expect(again.added).toBe(0);
      expect(again.message_uuids).toEqual(batch.map((m) => m.uuid));

      const memory = await api.memory.get({ sessionId: "s" });
      expect(contents(memory)).toEqual(["one", "two"]);
      const session = await api.sessions.get({ sessionId: "s" });
      expect(session.message_count).toBe(2);
      expect(session.token_count).toBe(memory.messages.reduce((sum, m) => sum + m.token_count, 0));
    });

    it("stores only the new messages of a mixed batch, in order, and accepts upper-case uuids", async () => {
      const api = await callerFor(t.db);
      const [a, b, c, d] = [0, 1, 2, 3].map(() => crypto.randomUUID());
      await api.memory.add({
        sessionId: "s",
        messages: [
          { uuid: a!, role: "x", content: "A" },
          { uuid: b!, role: "x", content: "B" },
        ],
      });
      const result = await api.memory.add({
        sessionId: "s",
        messages: [
          { uuid: a!.toUpperCase(), role: "x", content: "A again" },
          { uuid: c!, role: "x", content: "C" },
          { uuid: b!, role: "x", content: "B again" },
          { uuid: d!, role: "x", content: "D" },
        ],
      });
      expect(result.added).toBe(2);
      expect(result.message_uuids).toEqual([a, c, b, d]);
      const memory = await api.memory.get({ sessionId: "s" });
      expect(contents(memory)).toEqual(["A", "B", "C", "D"]);
      expect(memory.messages.map((m) => m.uuid)).toEqual([a, b, c, d]);
      expect((await api.sessions.get({ sessionId: "s" })).message_count).toBe(4);
    });

    it("refuses a uuid already used in another session, writing nothing", async () => {
      const api = await callerFor(t.db);
      const taken = crypto.randomUUID();
      await api.memory.add({ sessionId: "s1", messages: [{ uuid: taken, role: "x", content: "mine" }] });
      await api.memory.add({ sessionId: "s2", messages: [{ role: "x", content: "existing" }] });

      await expect(
        api.memory.add({ sessionId: "new", messages: [{ uuid: taken, role: "x", content: "stolen" }] }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(taken) });
      await expect(api.sessions.get({ sessionId: "new" })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await expect(
        api.memory.add({
          sessionId: "s2",
          messages: [
            { role: "x", content: "fresh" },
            { uuid: taken, role: "x", content: "stolen" },
          ],
        }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      expect(contents(await api.memory.get({ sessionId: "s2" }))).toEqual(["existing"]);
      expect((await api.sessions.get({ sessionId: "s2" })).message_count).toBe(1);
      expect(contents(await api.memory.get({ sessionId: "s1" }))).toEqual(["mine"]);
    });

    it("refuses a uuid twice in one batch, writing nothing", async () => {
      const api = await callerFor(t.db);
      const uuid = crypto.randomUUID();
      await expect(
        api.memory.add({
          sessionId: "s",
          messages: [
            { uuid, role: "x", content: "one" },
            { uuid: uuid.toUpperCase(), role: "x", content: "two" },
          ],
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("appears twice") });
      await expect(api.sessions.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("message_window", () => {
    it("without lastn returns at most the window (12) of the newest messages", async () => {
      const api = await callerFor(t.db);
      await addTurns(api, "s", 20);
      const memory = await api.memory.get({ sessionId: "s" });
      expect(contents(memory)).toEqual(range(9, 20));
      expect(memory.summary).toBeUndefined();
    });

    it("without lastn returns the latest summary and only the messages after it", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 20);
      await api.memory.addSummary({
        sessionId: "s",
        content: "early summary",
        recent_message_uuid: uuids[2]!,
      });
      let memory = await api.memory.get({ sessionId: "s" });
      expect(memory.summary?.content).toBe("early summary");
      expect(contents(memory)).toEqual(range(9, 20));

      const latest = await api.memory.addSummary({
        sessionId: "s",
        content: "later summary",
        recent_message_uuid: uuids[9]!,
        metadata: { by: "tests" },
      });
      expect(latest.token_count).toBeGreaterThan(0);
      memory = await api.memory.get({ sessionId: "s", memoryType: "message_window" });
      expect(memory.summary).toEqual(latest);
      expect(memory.summary?.recent_message_uuid).toBe(uuids[9]);
      expect(contents(memory)).toEqual(range(11, 20));
    });

    it("with lastn returns the last N messages and the latest summary", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 20);
      await api.memory.addSummary({ sessionId: "s", content: "summary", recent_message_uuid: uuids[17]! });
      const memory = await api.memory.get({ sessionId: "s", lastn: 5 });
      expect(contents(memory)).toEqual(range(16, 20));
      expect(memory.summary?.content).toBe("summary");
    });

    it("handles lastn 0, 1 and larger than the session", async () => {
      const api = await callerFor(t.db);
      await addTurns(api, "s", 15);
      expect(contents(await api.memory.get({ sessionId: "s", lastn: 0 }))).toEqual([]);
      expect(contents(await api.memory.get({ sessionId: "s", lastn: 1 }))).toEqual(["turn 15"]);
      expect(contents(await api.memory.get({ sessionId: "s", lastn: 500 }))).toEqual(range(1, 15));
      for (const memoryType of ["perpetual", "summary_retriever"] as const) {
        expect(contents(await api.memory.get({ sessionId: "s", lastn: 0, memoryType }))).toEqual([]);
        expect(contents(await api.memory.get({ sessionId: "s", lastn: 1, memoryType }))).toEqual(["turn 15"]);
        expect(contents(await api.memory.get({ sessionId: "s", lastn: 500, memoryType }))).toEqual(
          range(1, 15),
        );
      }
    });

    it("refuses a negative or fractional lastn with a clear message", async () => {
      const api = await callerFor(t.db);
      await addTurns(api, "s", 3);
      await expect(api.memory.get({ sessionId: "s", lastn: -1 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("lastn must not be negative"),
      });
      await expect(api.memory.get({ sessionId: "s", lastn: 1.5 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("lastn must be an integer"),
      });
    });
  });

  describe("perpetual", () => {
    it("returns the latest summary and every message after it, with no gap and no overlap", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 30);
      let memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual" });
      expect(memory.memory_type).toBe("perpetual");
      expect(contents(memory)).toEqual(range(1, 30));
      expect(memory.summary).toBeUndefined();

      await api.memory.addSummary({ sessionId: "s", content: "up to 5", recent_message_uuid: uuids[4]! });
      await api.memory.addSummary({ sessionId: "s", content: "up to 10", recent_message_uuid: uuids[9]! });
      memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual" });
      expect(memory.summary?.content).toBe("up to 10");
      expect(memory.summary?.recent_message_uuid).toBe(uuids[9]);
      // More than the window: perpetual memory never drops a message the summary does not cover.
      expect(contents(memory)).toEqual(range(11, 30));
      expect(memory.messages[0]!.uuid).toBe(uuids[10]);
    });

    it("with lastn returns the newest summary that ends before the oldest returned message", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 20);
      await api.memory.addSummary({ sessionId: "s", content: "up to 5", recent_message_uuid: uuids[4]! });
      await api.memory.addSummary({ sessionId: "s", content: "up to 10", recent_message_uuid: uuids[9]! });

      let memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual", lastn: 12 });
      expect(contents(memory)).toEqual(range(9, 20));
      expect(memory.summary?.content).toBe("up to 5");

      memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual", lastn: 10 });
      expect(contents(memory)).toEqual(range(11, 20));
      expect(memory.summary?.content).toBe("up to 10");

      memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual", lastn: 5 });
      expect(contents(memory)).toEqual(range(16, 20));
      expect(memory.summary?.content).toBe("up to 10");

      memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual", lastn: 20 });
      expect(contents(memory)).toEqual(range(1, 20));
      expect(memory.summary).toBeUndefined();
    });

    it("is used when the session's default memory type says so", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 25);
      await api.memory.addSummary({ sessionId: "s", content: "up to 3", recent_message_uuid: uuids[2]! });
      const session = await api.sessions.update({ sessionId: "s", patch: { memory_type: "perpetual" } });
      expect(session.memory_type).toBe("perpetual");

      let memory = await api.memory.get({ sessionId: "s" });
      expect(memory.memory_type).toBe("perpetual");
      expect(contents(memory)).toEqual(range(4, 25));

      memory = await api.memory.get({ sessionId: "s", memoryType: "message_window" });
      expect(memory.memory_type).toBe("message_window");
      expect(contents(memory)).toEqual(range(14, 25));
    });
  });

  describe("summary_retriever", () => {
    async function seedTopics(api: Api) {
      const garden = await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "Jane", content: "My tomatoes need compost" },
          { role: "Bot", content: "Try mulching the tomato beds" },
        ],
      });
      await api.memory.addSummary({
        sessionId: "s",
        content: "Jane asked about gardening: tomatoes, compost and mulching.",
        recent_message_uuid: garden.message_uuids[1]!,
      });
      const physics = await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "Jane", content: "Explain quantum entanglement" },
          { role: "Bot", content: "Entangled photons share a state" },
        ],
      });
      await api.memory.addSummary({
        sessionId: "s",
        content: "Jane learned about quantum physics, entanglement and photons.",
        recent_message_uuid: physics.message_uuids[1]!,
      });
      const travel = await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "Jane", content: "Book flights to Lisbon" },
          { role: "Bot", content: "I found hotels in Lisbon" },
        ],
      });
      await api.memory.addSummary({
        sessionId: "s",
        content: "Jane planned a trip to Lisbon with flights and hotels.",
        recent_message_uuid: travel.message_uuids[1]!,
      });
    }

    it("returns the summary most relevant to the recent messages", async () => {
      const api = await callerFor(t.db);
      await seedTopics(api);
      await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "Jane", content: "Back to entanglement: how do photons stay entangled?" },
          { role: "Bot", content: "Quantum states of entangled photons are correlated" },
        ],
      });
      let memory = await api.memory.get({ sessionId: "s", memoryType: "summary_retriever", lastn: 2 });
      expect(memory.memory_type).toBe("summary_retriever");
      expect(contents(memory)).toEqual([
        "Back to entanglement: how do photons stay entangled?",
        "Quantum states of entangled photons are correlated",
      ]);
      expect(memory.summary?.content).toContain("quantum physics");
      expect(memory.relevant_summaries?.[0]?.content).toContain("quantum physics");
      expect(memory.relevant_summaries).toHaveLength(3);

      await api.memory.add({
        sessionId: "s",
        messages: [{ role: "Jane", content: "The compost for my tomatoes" }],
      });
      memory = await api.memory.get({ sessionId: "s", memoryType: "summary_retriever", lastn: 1 });
      expect(memory.summary?.content).toContain("gardening");
    });

    it("without lastn returns the window of newest messages", async () => {
      const api = await callerFor(t.db);
      await addTurns(api, "s", 15);
      const memory = await api.memory.get({ sessionId: "s", memoryType: "summary_retriever" });
      expect(contents(memory)).toEqual(range(4, 15));
      expect(memory.summary).toBeUndefined();
      expect(memory.relevant_summaries).toEqual([]);
    });
  });

  describe("token budget", () => {
    it("drops the oldest messages until summary and messages fit", async () => {
      const api = await callerFor(t.db);
      const words = [
        "alpha",
        "alpha beta",
        "alpha beta gamma",
        "alpha beta gamma delta",
        "one two three four five",
      ];
      const added = await api.memory.add({
        sessionId: "s",
        messages: words.map((content) => ({ role: "x", content })),
      });
      const summary = await api.memory.addSummary({
        sessionId: "s",
        content: "A short summary",
        recent_message_uuid: added.message_uuids[0]!,
      });
      const full = await api.memory.get({ sessionId: "s" });
      expect(full.messages).toHaveLength(4);
      const counts = full.messages.map((m) => m.token_count);
      const lastTwo = summary.token_count + counts[2]! + counts[3]!;

      let memory = await api.memory.get({ sessionId: "s", maxTokens: lastTwo });
      expect(contents(memory)).toEqual(words.slice(3));
      expect(memory.summary?.uuid).toBe(summary.uuid);

      memory = await api.memory.get({ sessionId: "s", maxTokens: lastTwo - 1 });
      expect(contents(memory)).toEqual(words.slice(4));

      memory = await api.memory.get({ sessionId: "s", maxTokens: 100_000 });
      expect(contents(memory)).toEqual(words.slice(1));
      expect(memory.summary?.uuid).toBe(summary.uuid);
    });

    it("drops a summary larger than the budget and keeps the newest messages that fit", async () => {
      const api = await callerFor(t.db);
      const added = await api.memory.add({
        sessionId: "s",
        messages: [
          { role: "x", content: "covered" },
          { role: "x", content: "Hello world" },
          { role: "x", content: "tiktoken is great!" },
        ],
      });
      await api.memory.addSummary({
        sessionId: "s",
        content: "a long summary ".repeat(50),
        recent_message_uuid: added.message_uuids[0]!,
      });
      const memory = await api.memory.get({ sessionId: "s", maxTokens: 6 });
      expect(memory.summary).toBeUndefined();
      expect(contents(memory)).toEqual(["tiktoken is great!"]);
    });

    it("refuses a budget below 1", async () => {
      const api = await callerFor(t.db);
      await addTurns(api, "s", 1);
      await expect(api.memory.get({ sessionId: "s", maxTokens: 0 })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("max_tokens"),
      });
    });
  });

  describe("unknown and deleted sessions", () => {
    it("is NOT_FOUND for an unknown session", async () => {
      const api = await callerFor(t.db);
      await expect(api.memory.get({ sessionId: "nobody" })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("nobody"),
      });
      await expect(api.memory.delete({ sessionId: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api.memory.summaries({ sessionId: "nobody" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("soft-deletes the session with its messages and summaries", async () => {
      const api = await callerFor(t.db);
      const uuids = await addTurns(api, "s", 4);
      await api.memory.addSummary({ sessionId: "s", content: "summary", recent_message_uuid: uuids[1]! });
      await addTurns(api, "other", 2);

      await api.memory.delete({ sessionId: "s" });
      await expect(api.memory.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api.sessions.get({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api.messages.list({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api.memory.summaries({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(api.memory.delete({ sessionId: "s" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await api.sessions.list({})).map((s) => s.session_id)).toEqual(["other"]);
      expect(contents(await api.memory.get({ sessionId: "other" }))).toEqual(range(1, 2));

      // The deleted messages' uuids are free again: nothing of the old session is live.
      const reused = await api.memory.add({
        sessionId: "elsewhere",
        messages: uuids.map((uuid) => ({ uuid, role: "x", content: "reused" })),
      });
      expect(reused.added).toBe(4);
    });
  });

  describe("content round-trip", () => {
    const samples = [
      "Family: 👨‍👩‍👧‍👦, flags: 🇯🇵🏳️‍🌈, skin tones: 👋🏽 🧑🏿‍💻",
      "中文：你好，世界。日本語：こんにちは。한국어: 안녕하세요",
      "العربية: مرحبا بالعالم — עברית: שלום עולם (mixed ltr 123)",
      "Combining: e\u0301 a\u0308 n\u0303 Z\u0351\u0352\u0353 and precomposed é ä ñ",
      "Astral: 𝕳𝖊𝖑𝖑𝖔 𓀀 𠜎𠜱 🀄 \u{10FFFD}",
      "Whitespace kept:\n\ttab\r\nCRLF  double  spaces  \u00a0nbsp\u200bzwsp ",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the content under test
      "Quotes and escapes: ' \" \\ \\u0000 $1 %s ${x} <script>",
    ];

    it("keeps unicode content, roles, metadata and session ids exactly", async () => {
      const api = await callerFor(t.db);
      const sessionId = "会话-🧠-جلسة";
      const added = await api.memory.add({
        sessionId,
        messages: samples.map((content, index) => ({
          role: `说话者 ${index} 👩🏽‍🚀`,
          content,
          metadata: { text: content, nested: { list: [content] } },
        })),
      });
      const memory = await api.memory.get({ sessionId, lastn: samples.length });
      expect(contents(memory)).toEqual(samples);
      memory.messages.forEach((message, index) => {
        expect(message.content === samples[index]).toBe(true);
        expect(message.role).toBe(`说话者 ${index} 👩🏽‍🚀`);
        expect(message.metadata).toEqual({ text: samples[index], nested: { list: [samples[index]] } });
        expect(message.token_count).toBeGreaterThan(0);
      });
      for (const [index, uuid] of added.message_uuids.entries()) {
        expect((await api.messages.get({ sessionId, uuid })).content).toBe(samples[index]);
      }
      expect((await api.sessions.get({ sessionId })).session_id).toBe(sessionId);
    });

    it("keeps 100 KiB of content byte for byte", async () => {
      const api = await callerFor(t.db);
      const unit = "Lorem ipsum 你好 🧑🏿‍💻 שלום e\u0301\n";
      let content = "";
      while (Buffer.byteLength(content) < 100 * 1024) content += unit;
      expect(Buffer.byteLength(content)).toBeGreaterThanOrEqual(100 * 1024);
      const added = await api.memory.add({ sessionId: "big", messages: [{ role: "x", content }] });
      const message = await api.messages.get({ sessionId: "big", uuid: added.message_uuids[0]! });
      expect(message.content.length).toBe(content.length);
      expect(Buffer.from(message.content).equals(Buffer.from(content))).toBe(true);
      expect(message.token_count).toBeGreaterThan(10_000);
      const memory = await api.memory.get({ sessionId: "big" });
      expect(memory.messages[0]!.content === content).toBe(true);
    });
  });
});
