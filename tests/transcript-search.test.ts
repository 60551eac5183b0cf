import { describe, expect, it } from "vitest";
import type { Principal } from "@/server/trpc/init";
import { backends, callerFor, useTestDatabase } from "./support/databases";

const support: Principal = { kind: "account", accountId: 1, email: "sue@example.com", role: "support" };

/** 160 turns; every tenth mentions a refund, in changing case. */
const turns = Array.from({ length: 160 }, (_, index) => ({
  role: index % 2 ? "Bot" : "Ana",
  content:
    (index + 1) % 10 === 0
      ? `Turn ${index + 1}: ${["refund", "REFUND", "Refund"][index % 3]} please`
      : `Turn ${index + 1} about shipping`,
}));

describe.each(backends)("transcript search on %s", (backend) => {
  const t = useTestDatabase(backend, `transcript_search_${backend}`);

  it("finds matches in the whole session, any case, newest first, a page at a time", async () => {
    const api = await callerFor(t.db);
    const { message_uuids: uuids } = await api.memory.add({ sessionId: "long", messages: turns });
    await api.memory.add({ sessionId: "other", messages: [{ role: "x", content: "refund elsewhere" }] });

    const seen: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await api.messages.searchInSession({
        sessionId: "long",
        query: "rEfUnD",
        limit: 6,
        cursor,
      });
      expect(page.total).toBe(16);
      pages += 1;
      for (const match of page.matches) {
        expect(match.uuid).toBe(uuids[match.number - 1]);
        expect(match.snippet).toBe(turns[match.number - 1]!.content);
        expect(match.cut_start).toBe(false);
        expect(match.cut_end).toBe(false);
        expect(match.highlights).toHaveLength(1);
        const [{ start, length }] = match.highlights as [{ start: number; length: number }];
        expect(match.snippet.slice(start, start + length).toLowerCase()).toBe("refund");
        seen.push(match.number);
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 16 }, (_, index) => 160 - index * 10));

    const first = await api.messages.searchInSession({ sessionId: "long", query: "refund" });
    expect(first.matches).toHaveLength(16);
    expect(first.matches[0]).toMatchObject({ role: "Bot", role_type: "norole", number: 160 });
    expect(first.next_cursor).toBeNull();
    // The position is the transcript's own cursor value for that message.
    const transcript = await api.messages.transcript({ sessionId: "long", limit: 1 });
    expect(first.matches[0]!.position).toBe(transcript.messages[0]!.position);
  });

  it("takes the text literally, cuts long content around the match, and skips deleted messages", async () => {
    const api = await callerFor(t.db);
    const long = `${"a".repeat(300)} the 100%_off code\nworks ${"b".repeat(300)}`;
    const { message_uuids: uuids } = await api.memory.add({
      sessionId: "s",
      messages: [
        { role: "x", content: long },
        { role: "x", content: "100 percent off" },
        { role: "x", content: "gone: 100%_off" },
        { role: "x", content: "مرحبا، أريد استرداد المبلغ" },
      ],
    });
    await api.messages.delete({ sessionId: "s", uuid: uuids[2]! });

    // "%" and "_" are no wildcards here: "100 percent off" does not match.
    const found = await api.messages.searchInSession({ sessionId: "s", query: "100%_OFF" });
    expect(found.total).toBe(1);
    const [match] = found.matches;
    expect(match).toMatchObject({ uuid: uuids[0], number: 1, cut_start: true, cut_end: true });
    expect(match!.snippet.length).toBeLessThan(long.length);
    expect(match!.snippet).toContain("the 100%_off code works");
    const [{ start, length }] = match!.highlights as [{ start: number; length: number }];
    expect(match!.snippet.slice(start, start + length)).toBe("100%_off");

    // Numbers count live messages: the deleted third one no longer takes a place.
    const arabic = await api.messages.searchInSession({ sessionId: "s", query: "استرداد" });
    expect(arabic.matches.map((m) => [m.uuid, m.number])).toEqual([[uuids[3], 3]]);
  });

  it("refuses bad input with a clear message, and support staff may search", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "hello there" }] });
    const bad = (message: string) =>
      expect.objectContaining({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    await expect(api.messages.searchInSession({ sessionId: "s", query: "   " })).rejects.toEqual(
      bad("query must not be empty"),
    );
    await expect(api.messages.searchInSession({ sessionId: "s", query: "x".repeat(201) })).rejects.toEqual(
      bad("query must be at most 200 characters"),
    );
    await expect(api.messages.searchInSession({ sessionId: "s", query: "a\u0000b" })).rejects.toEqual(
      bad("NUL"),
    );
    await expect(
      api.messages.searchInSession({ sessionId: "s", query: "hello", limit: 101 }),
    ).rejects.toEqual(bad("limit must be at most 100"));
    await expect(
      api.messages.searchInSession({ sessionId: "s", query: "hello", cursor: -1 }),
    ).rejects.toEqual(bad("cursor must not be negative"));
    await expect(api.messages.searchInSession({ sessionId: "nope", query: "hello" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const asSupport = await callerFor(t.db, support);
    const found = await asSupport.messages.searchInSession({ sessionId: "s", query: "THERE" });
    expect(found.matches.map((m) => m.snippet)).toEqual(["hello there"]);
    const anonymous = await callerFor(t.db, null);
    await expect(
      anonymous.messages.searchInSession({ sessionId: "s", query: "hello" }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
