import { describe, expect, it } from "vitest";
import { countTokens } from "@/server/providers/tokenizer";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

async function addNumbered(api: Api, sessionId: string, count: number) {
  const messages = Array.from({ length: count }, (_, index) => ({ role: "x", content: `m${index + 1}` }));
  return (await api.memory.add({ sessionId, messages })).message_uuids;
}

describe.each(backends)("dashboard on %s", (backend) => {
  const t = useTestDatabase(backend, `dashboard_${backend}`);

  it("reads the transcript newest first whatever paging direction an infinite query adds", async () => {
    const api = await callerFor(t.db);
    await addNumbered(api, "long", 7);
    // tRPC's infinite queries add `direction: "forward"` to every page's input.
    const input = { sessionId: "long", limit: 3, direction: "forward" } as {
      sessionId: string;
      limit: number;
    };
    const first = await api.messages.transcript(input);
    expect(first.messages.map((m) => m.content)).toEqual(["m7", "m6", "m5"]);
    const second = await api.messages.transcript({ ...input, cursor: first.next_cursor! });
    expect(second.messages.map((m) => m.content)).toEqual(["m4", "m3", "m2"]);
    const last = await api.messages.transcript({ ...input, cursor: second.next_cursor! });
    expect(last.messages.map((m) => m.content)).toEqual(["m1"]);
    expect(last.next_cursor).toBeNull();
  });

  it("gives each summary the messages it covers and the ones it added", async () => {
    const api = await callerFor(t.db);
    const uuids = await addNumbered(api, "folded", 10);
    await api.memory.addSummary({ sessionId: "folded", content: "m1 to m4", recent_message_uuid: uuids[3]! });
    await api.memory.addSummary({ sessionId: "folded", content: "m1 to m7", recent_message_uuid: uuids[6]! });

    const ranges = await api.dashboard.summaries({ sessionId: "folded" });
    expect(ranges.map((range) => [range.content, range.from, range.through, range.new_from])).toEqual([
      [
        "m1 to m4",
        { uuid: uuids[0], number: 1 },
        { uuid: uuids[3], number: 4 },
        { uuid: uuids[0], number: 1 },
      ],
      [
        "m1 to m7",
        { uuid: uuids[0], number: 1 },
        { uuid: uuids[6], number: 7 },
        { uuid: uuids[4], number: 5 },
      ],
    ]);
    await expect(api.dashboard.summaries({ sessionId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("previews the context block exactly as memory.get returns it, with its token count", async () => {
    const api = await callerFor(t.db);
    const uuids = await addNumbered(api, "preview", 6);
    await api.memory.addSummary({
      sessionId: "preview",
      content: "They said hello.",
      recent_message_uuid: uuids[2]!,
    });
    for (const options of [{}, { memoryType: "perpetual" as const, lastn: 2 }, { lastn: 5 }]) {
      const preview = await api.dashboard.promptPreview({ sessionId: "preview", ...options });
      const memory = await api.memory.get({ sessionId: "preview", ...options, includeContext: true });
      expect(preview.context).toBe(memory.context);
      expect(preview.token_count).toBe(countTokens(memory.context!));
    }
    const preview = await api.dashboard.promptPreview({ sessionId: "preview" });
    expect(preview.context).toContain("They said hello.");
    expect(preview.context).toContain("m6");
    expect(preview.token_count).toBeGreaterThan(5);
  });
});
