import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { toPostgresJsonPath } from "@/server/services/search";
import { nearMissGate, TRIGRAM_THRESHOLD } from "@/server/services/searchText";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function seed(api: Caller) {
  await api.users.create({ user_id: "ada" });
  await api.sessions.create({ session_id: "trip", user_id: "ada" });
  await api.memory.add({
    sessionId: "trip",
    messages: [
      { role: "Ada", role_type: "user", content: "I am running late for the restaurant reservation tonight" },
      {
        role: "Bot",
        role_type: "assistant",
        content: "No problem, I moved the dinner reservation at the Italian restaurant to nine",
        metadata: { topic: "dining", entities: [{ label: "ORG", name: "Luigi's" }] },
      },
      {
        role: "Ada",
        role_type: "user",
        content: "Also book a taxi to the airport on Friday",
        metadata: { topic: "travel" },
      },
    ],
  });
  await api.memory.add({
    sessionId: "other",
    messages: [{ role: "Bob", content: "The restaurant was closed", metadata: { topic: "dining" } }],
  });
}

const contents = (results: { message?: { content: string } }[]) => results.map((r) => r.message?.content);

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("JSONPath quoting", () => {
  it("rewrites Zep's single-quoted literals and leaves double-quoted strings alone", () => {
    expect(toPostgresJsonPath("$.a ? (@ == 'x')")).toBe('$.a ? (@ == "x")');
    expect(toPostgresJsonPath(`$.a ? (@ == "O'Brien")`)).toBe(`$.a ? (@ == "O'Brien")`);
    expect(toPostgresJsonPath(`$.a ? (@ == 'say "hi"')`)).toBe(`$.a ? (@ == "say \\"hi\\"")`);
  });
});

describe("near-miss gate", () => {
  it("is the terms' inner trigrams as LIKE patterns, only where three padded trigrams fall short of the threshold", () => {
    expect(nearMissGate(["refund"])).toBe("%ref%|%efu%|%fun%|%und%");
    expect(nearMissGate(["refund", "flight"])).toBe("%ref%|%efu%|%fun%|%und%|%fli%|%lig%|%igh%|%ght%");
    // Five letters: six trigrams, and three padded ones may reach the threshold on their own.
    expect(nearMissGate(["hello"])).toBeUndefined();
    expect(nearMissGate(["refund", "bob"])).toBeUndefined();
    // pg_trgm hashes trigrams of other characters; a collision could match without the letters.
    expect(nearMissGate(["müller"])).toBeUndefined();
    expect(nearMissGate([])).toBeUndefined();
  });
});

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(backends)("search on %s", (backend) => {
  const t = useTestDatabase(backend, `search_${backend}`);

  it("ranks full-text matches with stemming, best first, within one session", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const results = await api.search.query({ sessionId: "trip", text: "restaurant reservations" });
    // Cover density: the words side by side rank above the same words far apart.
    expect(contents(results)).toEqual([
      "I am running late for the restaurant reservation tonight",
      "No problem, I moved the dinner reservation at the Italian restaurant to nine",
    ]);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
    expect(results[0]!.score).toBeGreaterThan(0.5);
    expect(results[0]!.dist).toBe(results[0]!.score);
    expect(results[0]!.session_id).toBe("trip");
    expect(results[1]!.metadata).toEqual({ topic: "dining", entities: [{ label: "ORG", name: "Luigi's" }] });

    const stemmed = await api.search.query({ sessionId: "trip", text: "runs" });
    expect(contents(stemmed)).toEqual(["I am running late for the restaurant reservation tonight"]);
  });

  it("finds near misses by trigram similarity, below exact matches", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const results = await api.search.query({ sessionId: "trip", text: "airprot" });
    expect(contents(results)).toEqual(["Also book a taxi to the airport on Friday"]);
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(results[0]!.score).toBeLessThan(0.5);
    expect(await api.search.query({ sessionId: "trip", text: "zebra" })).toEqual([]);
  });

  it("searches all sessions, or one user's sessions", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const everywhere = await api.search.query({ text: "restaurant" });
    expect(new Set(everywhere.map((r) => r.session_id))).toEqual(new Set(["trip", "other"]));
    expect(everywhere).toHaveLength(3);
    const adas = await api.search.query({ userId: "ada", text: "restaurant" });
    expect(adas.map((r) => r.session_id)).toEqual(["trip", "trip"]);
    const limited = await api.search.query({ text: "restaurant", limit: 1 });
    expect(limited).toHaveLength(1);
  });

  it("searches summaries with search_scope summary", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const memory = await api.memory.get({ sessionId: "trip", lastn: 3 });
    await api.memory.addSummary({
      sessionId: "trip",
      content: "Ada rebooked dinner at an Italian restaurant and needs airport transport.",
      recent_message_uuid: memory.messages[1]!.uuid,
      metadata: { kind: "progressive" },
    });
    const results = await api.search.query({
      sessionId: "trip",
      text: "italian dinner",
      search_scope: "summary",
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.message).toBeUndefined();
    expect(results[0]!.summary!.content).toContain("Italian restaurant");
    expect(results[0]!.metadata).toEqual({ kind: "progressive" });
    const messagesOnly = await api.search.query({ sessionId: "trip", text: "italian dinner" });
    expect(messagesOnly.every((r) => r.message && !r.summary)).toBe(true);
  });

  it("filters by metadata with Zep's where/and/or and by date", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const dining = await api.search.query({
      text: "restaurant",
      metadata: { where: { jsonpath: "$.topic ? (@ == 'dining')" } },
    });
    expect(contents(dining).sort()).toEqual([
      "No problem, I moved the dinner reservation at the Italian restaurant to nine",
      "The restaurant was closed",
    ]);

    const orgInTrip = await api.search.query({
      sessionId: "trip",
      metadata: {
        where: {
          and: [{ jsonpath: '$.entities[*] ? (@.label == "ORG")' }],
          or: [{ jsonpath: "$.topic ? (@ == 'travel')" }, { jsonpath: "$.topic ? (@ == 'dining')" }],
        },
      },
    });
    expect(contents(orgInTrip)).toEqual([
      "No problem, I moved the dinner reservation at the Italian restaurant to nine",
    ]);

    const either = await api.search.query({
      sessionId: "trip",
      metadata: {
        where: { or: [{ jsonpath: "$.topic ? (@ == 'travel')" }, { jsonpath: "$.topic ? (@ == 'dining')" }] },
      },
    });
    expect(either).toHaveLength(2);

    const later = await api.memory.add({
      sessionId: "trip",
      messages: [{ role: "Ada", content: "restaurant again" }],
    });
    const newest = await api.messages.get({ sessionId: "trip", uuid: later.message_uuids[0]! });
    const fromNewest = await api.search.query({
      sessionId: "trip",
      text: "restaurant",
      metadata: { start_date: newest.created_at },
    });
    expect(contents(fromNewest)).toEqual(["restaurant again"]);
    const beforeNewest = await api.search.query({
      sessionId: "trip",
      text: "restaurant",
      metadata: { end_date: new Date(Date.parse(newest.created_at) - 1).toISOString() },
    });
    expect(contents(beforeNewest)).not.toContain("restaurant again");
    expect(beforeNewest).toHaveLength(2);
    expect(await api.search.query({ sessionId: "trip", metadata: { start_date: "2999-01-01" } })).toEqual([]);
  });

  it("binds the JSONPath: an injection attempt is only a JSONPath that does not parse", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const attack = "$.topic') or true; drop table messages; --";
    const error = await rejection(api.search.query({ metadata: { where: { jsonpath: attack } } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/invalid jsonpath/);
    const quoted = await api.search.query({
      metadata: { where: { jsonpath: `$.topic ? (@ == "x' or 1=1 --")` } },
    });
    expect(quoted).toEqual([]);
    expect(await api.search.query({ sessionId: "trip", text: "airport" })).toHaveLength(1);
  });

  it("rejects empty searches, bad filters and unknown scopes with clear errors", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const empty = await rejection(api.search.query({ sessionId: "trip", text: "   " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toMatch(/needs text or a metadata filter/);
    const badPath = await rejection(api.search.query({ metadata: { where: { jsonpath: "$.[" } } }));
    expect(badPath.message).toMatch(/invalid jsonpath/);
    const unknownKey = await rejection(api.search.query({ metadata: { topic: "dining" } as never }));
    expect(unknownKey.code).toBe("BAD_REQUEST");
    const emptyWhere = await rejection(api.search.query({ metadata: { where: {} } }));
    expect(emptyWhere.message).toMatch(/needs jsonpath/);
    const badDate = await rejection(api.search.query({ text: "x", metadata: { start_date: "yesterday" } }));
    expect(badDate.message).toMatch(/ISO 8601/);
    const missing = await rejection(api.search.query({ sessionId: "nope", text: "restaurant" }));
    expect(missing.code).toBe("NOT_FOUND");
    const noUser = await rejection(api.search.query({ userId: "nobody", text: "restaurant" }));
    expect(noUser.code).toBe("NOT_FOUND");
  });

  it("accepts mmr and keeps the lexical order while no embeddings exist", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    const similarity = await api.search.query({ sessionId: "trip", text: "restaurant reservation" });
    const mmr = await api.search.query({
      sessionId: "trip",
      text: "restaurant reservation",
      search_type: "mmr",
      mmr_lambda: 0.3,
    });
    expect(contents(mmr)).toEqual(contents(similarity));
  });

  it("gates near misses exactly: every text within the threshold of a term matches its gate", async () => {
    // A small alphabet makes near misses common, across words and in upper case too.
    const random = randomSource(7);
    const pick = (alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const terms = Array.from({ length: 60 }, (_, index) => pick("abcde", 6 + (index % 4)));
    const texts = Array.from({ length: 400 }, (_, index) => pick("abcde AB-", 5 + (index % 40)));
    const gates = terms.map((term) => nearMissGate([term]) ?? "");
    const [row] = await queryRows<{ near: number; outside: number }>(
      t.db,
      sql`select count(*)::int as near, count(*) filter (where not lower(text.value) like any (string_to_array(term.gate, '|')))::int as outside
        from unnest(${sql.param(terms)}::text[], ${sql.param(gates)}::text[]) as term(value, gate)
        cross join unnest(${sql.param(texts)}::text[]) as text(value)
        where word_similarity(term.value, text.value) >= ${TRIGRAM_THRESHOLD}`,
    );
    expect(gates.every((gate) => gate !== "")).toBe(true);
    expect(row!.near).toBeGreaterThan(50);
    expect(row!.outside).toBe(0);
  });

  it("answers a short session in one statement with what the general search answers", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    await api.memory.add({
      sessionId: "trip",
      messages: [
        { role: "Ada", content: "The refnud for the flihgt came through", metadata: { n: 1 } },
        { role: "Ada", content: "Lufthansa lost my luggage at the airport" },
        { role: "Bot", content: "I filed the luggage claim with Lufthanza" },
      ],
    });
    // A filter that keeps everything takes the general path.
    const everything = { start_date: "2000-01-01" };
    const found: Record<string, number> = {};
    for (const text of [
      "restaurant reservation",
      "airprot",
      "refund for the flight",
      "Where did Lufthansa lose the luggage?",
      "luggage",
      '"dinner reservation"',
      "zebra",
    ]) {
      const short = await api.search.query({ sessionId: "trip", text, limit: 4 });
      const general = await api.search.query({ sessionId: "trip", text, limit: 4, metadata: everything });
      expect(short, text).toEqual(general);
      found[text] = short.length;
    }
    // Near misses only ("airprot"), full-text matches with near misses below them, and nothing.
    expect(found).toMatchObject({ airprot: 2, "refund for the flight": 0, luggage: 2, zebra: 0 });
  });

  it("never returns deleted sessions' messages", async () => {
    const api = await callerFor(t.db);
    await seed(api);
    await api.memory.delete({ sessionId: "other" });
    const results = await api.search.query({ text: "restaurant" });
    expect(results.map((r) => r.session_id)).toEqual(["trip", "trip"]);
  });
});
