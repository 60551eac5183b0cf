import { describe, expect, it } from "vitest";
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
});
