import { describe, expect, it } from "vitest";
import { runUntilIdle } from "@/server/jobs/worker";
import { backends, callerFor, useTestDatabase } from "../support/databases";

/** A 200-turn conversation whose first turns state facts, followed by small talk and later topics. */
function conversation(): { role: string; role_type: "user" | "assistant"; content: string }[] {
  const turns: { role: string; role_type: "user" | "assistant"; content: string }[] = [
    { role: "Jane", role_type: "user", content: "Hi! My name is Jane Alvarez and I live in Lisbon." },
    { role: "Bot", role_type: "assistant", content: "Nice to meet you, Jane. How can I help today?" },
    {
      role: "Jane",
      role_type: "user",
      content: "I work as a nurse at Santa Maria Hospital, mostly night shifts.",
    },
    { role: "Bot", role_type: "assistant", content: "Night shifts can be tiring. Noted." },
    {
      role: "Jane",
      role_type: "user",
      content: "My daughter Sofia turns 7 on March 14 and she is allergic to peanuts.",
    },
    { role: "Bot", role_type: "assistant", content: "Got it, no peanuts for Sofia's birthday party." },
  ];
  const smallTalk = [
    "ok",
    "that sounds good to me",
    "let me think about it for a moment",
    "sure, go on",
    "thanks, that helps a lot",
    "can you say that again in other words?",
    "I see what you mean now",
  ];
  for (let i = turns.length; i < 200; i += 1) {
    const user = i % 2 === 0;
    turns.push({
      role: user ? "Jane" : "Bot",
      role_type: user ? "user" : "assistant",
      content: user
        ? `${smallTalk[i % smallTalk.length]} (turn ${i})`
        : `Here is an idea for the party plan, step ${i}.`,
    });
  }
  return turns;
}

describe.each(backends)("perpetual memory on %s", (backend) => {
  const t = useTestDatabase(backend, `enrich_perpetual_${backend}`);

  it("after the work drains, summary and messages stand for the whole conversation", async () => {
    const api = await callerFor(t.db);
    const turns = conversation();
    for (let start = 0; start < turns.length; start += 25) {
      await api.memory.add({ sessionId: "jane", messages: turns.slice(start, start + 25) });
    }
    expect((await api.enrichment.status({ sessionId: "jane" })).state).toBe("pending");

    const result = await runUntilIdle(t.db, { window: 12 });
    expect(result.outcomes.failed).toBe(0);

    const all = await api.messages.list({ sessionId: "jane", limit: 1000 });
    const memory = await api.memory.get({ sessionId: "jane", memoryType: "perpetual" });
    // Zep's rule leaves window/2 messages unsummarized.
    expect(memory.messages).toHaveLength(6);
    const oldest = all.messages.findIndex((message) => message.uuid === memory.messages[0]!.uuid);
    expect(memory.messages.map((m) => m.uuid)).toEqual(all.messages.slice(oldest).map((m) => m.uuid));
    expect(memory.summary?.recent_message_uuid).toBe(all.messages[oldest - 1]!.uuid);

    // The extractive summarizer keeps the early facts.
    const summary = memory.summary!.content;
    expect(summary).toContain("Jane Alvarez");
    expect(summary).toContain("Lisbon");
    expect(summary).toContain("Sofia");
    expect(summary).toContain("peanuts");
    expect(summary).toContain("Santa Maria Hospital");
    expect(memory.summary!.token_count).toBeGreaterThan(0);

    // Summaries never overlap: each covers messages after the previous one.
    const history = await api.memory.summaries({ sessionId: "jane" });
    const positions = history.map((s) => all.messages.findIndex((m) => m.uuid === s.recent_message_uuid));
    expect(positions.every((position, i) => i === 0 || position > positions[i - 1]!)).toBe(true);

    const status = await api.enrichment.status({ sessionId: "jane" });
    expect(status).toMatchObject({
      state: "up_to_date",
      unsummarized_messages: 6,
      unenriched_messages: 0,
      unenriched_summaries: 0,
      attempts: 0,
      last_error: null,
    });

    // Entities land in the reserved system key of messages and summaries.
    const first = all.messages[0]!;
    const entities = (first.metadata.system as { entities: { Label: string; Name: string }[] }).entities;
    expect(entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Label: "PERSON", Name: "Jane Alvarez" }),
        expect.objectContaining({ Label: "GPE", Name: "Lisbon" }),
      ]),
    );
    expect((memory.summary!.metadata.system as { entities: unknown[] }).entities.length).toBeGreaterThan(0);
  });

  it("folds as messages arrive, and the next batch continues right after the summary", async () => {
    const api = await callerFor(t.db);
    const say = (n: number) => ({
      role: "Sam",
      role_type: "user" as const,
      content: `Message number ${n} from Sam.`,
    });
    await api.memory.add({ sessionId: "s", messages: Array.from({ length: 11 }, (_, i) => say(i)) });
    await runUntilIdle(t.db, { window: 12 });
    expect(await api.memory.summaries({ sessionId: "s" })).toHaveLength(0);

    await api.memory.add({ sessionId: "s", messages: [say(11)] });
    await runUntilIdle(t.db, { window: 12 });
    const memory = await api.memory.get({ sessionId: "s", memoryType: "perpetual" });
    expect(memory.messages.map((m) => m.content)).toEqual([6, 7, 8, 9, 10, 11].map((n) => say(n).content));
    expect(memory.summary?.content).toContain("Message number 0");

    await api.memory.add({ sessionId: "s", messages: Array.from({ length: 5 }, (_, i) => say(12 + i)) });
    await runUntilIdle(t.db, { window: 12 });
    expect(await api.memory.summaries({ sessionId: "s" })).toHaveLength(1);
    const after = await api.memory.get({ sessionId: "s", memoryType: "perpetual" });
    expect(after.messages).toHaveLength(11);
    expect(after).not.toHaveProperty("context");

    const withContext = await api.memory.get({
      sessionId: "s",
      memoryType: "perpetual",
      includeContext: true,
    });
    expect(withContext.context).toBe(
      [
        `Summary of the conversation so far:\n${withContext.summary!.content}`,
        `Recent messages:\n${after.messages.map((m) => `Sam (user): ${m.content}`).join("\n")}`,
      ].join("\n\n"),
    );
    await expect(api.memory.get({ sessionId: "s", includeContext: "maybe" as never })).rejects.toThrow(
      /include_context must be true or false/,
    );
  });
});
