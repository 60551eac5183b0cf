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

  it("filters sessions by user id prefix, metadata key=value and annotations, with totals", async () => {
    const api = await callerFor(t.db);
    for (const [sessionId, userId, plan] of [
      ["a1", "acme-1", "pro"],
      ["a2", "acme-2", "free"],
      ["b1", "beta_1", "pro"],
      ["b2", "betax1", "pro"],
    ] as const) {
      await api.users.create({ user_id: userId });
      await api.sessions.create({ session_id: sessionId, user_id: userId, metadata: { plan, seats: 3 } });
    }
    const [uuid] = await addNumbered(api, "a1", 2);
    await addNumbered(api, "b1", 1);
    await api.messages.update({ sessionId: "a1", uuid: uuid!, patch: { metadata: { flagged: true } } });

    const ids = async (input: Parameters<Api["dashboard"]["sessions"]>[0]) => {
      const page = await api.dashboard.sessions({ sort: "session_id", order: "asc", ...input });
      return { ids: page.sessions.map((session) => session.session_id), total: page.total };
    };
    expect(await ids({ user_id: "acme" })).toEqual({ ids: ["a1", "a2"], total: 2 });
    // The prefix is literal: "_" is not a wildcard.
    expect(await ids({ user_id: "beta_" })).toEqual({ ids: ["b1"], total: 1 });
    expect(await ids({ metadata: "plan=pro" })).toEqual({ ids: ["a1", "b1", "b2"], total: 3 });
    expect(await ids({ metadata: "seats = 3", user_id: "acme" })).toEqual({ ids: ["a1", "a2"], total: 2 });
    expect(await ids({ has_annotations: true })).toEqual({ ids: ["a1"], total: 1 });
    expect(await ids({ has_annotations: false, metadata: "plan=pro" })).toEqual({
      ids: ["b1", "b2"],
      total: 2,
    });
    expect(await ids({ limit: 1 })).toEqual({ ids: ["a1"], total: 4 });
    await expect(api.dashboard.sessions({ metadata: "no-equals-sign" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("lists users by id prefix, sorted, in keyset pages, with totals", async () => {
    const api = await callerFor(t.db);
    for (const userId of ["acme-1", "acme_2", "acmex3", "beta-1"])
      await api.users.create({ user_id: userId });
    await api.sessions.create({ session_id: "s1", user_id: "acme_2" });
    await api.sessions.create({ session_id: "s2", user_id: "acme_2" });
    await api.sessions.create({ session_id: "s3", user_id: "beta-1" });

    const walk = async (input: Parameters<Api["dashboard"]["users"]>[0]) => {
      const seen: [string, number][] = [];
      const totals = new Set<number>();
      let cursor: string | undefined;
      do {
        const page = await api.dashboard.users({ ...input, limit: 2, cursor });
        seen.push(...page.users.map((user) => [user.user_id, user.session_count] as [string, number]));
        totals.add(page.total);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return { seen, totals: [...totals] };
    };
    expect(await walk({})).toEqual({
      seen: [
        ["beta-1", 1],
        ["acmex3", 0],
        ["acme_2", 2],
        ["acme-1", 0],
      ],
      totals: [4],
    });
    expect((await walk({ user_id: "acme", sort: "user_id", order: "asc" })).seen.map(([id]) => id)).toEqual([
      "acme-1",
      "acme_2",
      "acmex3",
    ]);
    // The prefix is literal: "_" is not a wildcard.
    expect(await walk({ user_id: "acme_" })).toEqual({ seen: [["acme_2", 2]], totals: [1] });
    expect((await walk({ sort: "session_count", order: "desc" })).seen).toEqual([
      ["acme_2", 2],
      ["beta-1", 1],
      ["acmex3", 0],
      ["acme-1", 0],
    ]);
    await expect(api.dashboard.users({ cursor: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.dashboard.users({ user_id: "x".repeat(257) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
  it("a session's history can include its messages' edits, with who made them", async () => {
    const api = await callerFor(t.db);
    const [first] = await addNumbered(api, "edited", 2);
    await addNumbered(api, "elsewhere", 1);
    await api.sessions.update({ sessionId: "edited", patch: { metadata: { channel: "web" } } });
    await api.messages.update({ sessionId: "edited", uuid: first!, patch: { metadata: { flag: "check" } } });

    const only = await api.audit.metadataHistory({ entity_type: "session", entity_id: "edited" });
    expect(only.changes.map((change) => change.entity_type)).toEqual(["session"]);
    const all = await api.audit.metadataHistory({
      entity_type: "session",
      entity_id: "edited",
      include_messages: true,
    });
    expect(all.changes.map((change) => [change.entity_type, change.entity_id, change.actor_name])).toEqual([
      ["message", first, "API key “test”"],
      ["session", "edited", "API key “test”"],
    ]);
  });
});
