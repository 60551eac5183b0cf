import { describe, expect, it } from "vitest";
import { Zep, ZepClient, ZepError } from "zep-js-v202";
import { restCaller } from "../support/rest";
import { serverForTests } from "../support/server";

// Zep's newest client (@getzep/zep-js 2.0.2, Fern-generated, `Api-Key` auth), unmodified.
const server = serverForTests("zep_v202");
const client = () => new ZepClient({ baseUrl: server.url, apiKey: server.apiKey });

/** Metadata without the `system` key that background enrichment may add at any time. */
const callerMetadata = (metadata: Record<string, unknown> | undefined) => {
  const { system: _system, ...rest } = metadata ?? {};
  return rest;
};

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const statusOf = (error: unknown) => (error as ZepError).statusCode;

describe("Zep CE client (zep-js 2.0.2)", () => {
  it("authenticates with Api-Key; a wrong key is a 401 for every call", async () => {
    const zep = client();
    expect((await zep.user.listOrdered()).users).toEqual([]);
    const wrong = new ZepClient({ baseUrl: server.url, apiKey: "wrong-key-wrong-key-wrong" });
    for (const call of [
      () => wrong.user.get("x"),
      () => wrong.memory.get("x"),
      () => wrong.memory.listSessions(),
      () => wrong.memory.searchSessions({ text: "x" }),
    ]) {
      const error = await thrown(call());
      expect(error).toBeInstanceOf(ZepError);
      expect(statusOf(error)).toBe(401);
    }
  });

  it("user.add, get, update, getSessions, listOrdered and delete round-trip values", async () => {
    const zep = client();
    const added = await zep.user.add({
      userId: "ce-ada",
      email: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      metadata: { team: { name: "engines" } },
    });
    expect(added).toMatchObject({ userId: "ce-ada", email: "ada@example.com", firstName: "Ada" });
    expect(added.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const duplicate = await thrown(zep.user.add({ userId: "ce-ada" }));
    expect(duplicate).toBeInstanceOf(Zep.BadRequestError);

    const updated = await zep.user.update("ce-ada", { lastName: "King", metadata: { team: { size: 2 } } });
    expect(updated.lastName).toBe("King");
    expect(updated.metadata).toEqual({ team: { name: "engines", size: 2 } });
    expect((await zep.user.get("ce-ada")).metadata).toEqual({ team: { name: "engines", size: 2 } });
    expect(await thrown(zep.user.get("ce-nobody"))).toBeInstanceOf(Zep.NotFoundError);

    for (const id of ["ce-bob", "ce-cy", "ce-dee"]) await zep.user.add({ userId: id });
    const first = await zep.user.listOrdered({ pageNumber: 1, pageSize: 3 });
    expect(first.users!.map((u) => u.userId)).toEqual(["ce-ada", "ce-bob", "ce-cy"]);
    expect(first.totalCount).toBe(4);
    expect(first.rowCount).toBe(3);
    const second = await zep.user.listOrdered({ pageNumber: 2, pageSize: 3 });
    expect(second.users!.map((u) => u.userId)).toEqual(["ce-dee"]);
    expect(second.rowCount).toBe(1);

    await zep.memory.addSession({ sessionId: "ce-ada-1", userId: "ce-ada", metadata: { n: 1 } });
    await zep.memory.addSession({ sessionId: "ce-ada-2", userId: "ce-ada" });
    // The client declares Session[][], but Zep CE (like Engram) answers a flat array of sessions,
    // which the client passes through as it came, in Zep's snake_case.
    const sessions = (await zep.user.getSessions("ce-ada")) as unknown as Record<string, unknown>[];
    expect(sessions.map((s) => s.session_id)).toEqual(["ce-ada-1", "ce-ada-2"]);
    expect(sessions[0]!.metadata).toEqual({ n: 1 });

    expect(await zep.user.delete("ce-ada")).toEqual({ message: "OK" });
    expect(await thrown(zep.user.get("ce-ada"))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.memory.getSession("ce-ada-1"))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.user.delete("ce-ada"))).toBeInstanceOf(Zep.NotFoundError);
    expect((await zep.user.listOrdered()).totalCount).toBe(3);
  });

  it("memory.addSession, getSession, updateSession and listSessions with order and totals", async () => {
    const zep = client();
    await zep.user.add({ userId: "ce-zed" });
    await zep.user.add({ userId: "ce-amy" });
    const created = await zep.memory.addSession({
      sessionId: "ce-s-b",
      userId: "ce-zed",
      metadata: { a: 1 },
    });
    expect(created).toMatchObject({ sessionId: "ce-s-b", userId: "ce-zed", metadata: { a: 1 } });
    await zep.memory.addSession({ sessionId: "ce-s-a", userId: "ce-amy" });
    await zep.memory.addSession({ sessionId: "ce-s-c" });
    expect(await thrown(zep.memory.addSession({ sessionId: "ce-s-c" }))).toBeInstanceOf(Zep.BadRequestError);

    const updated = await zep.memory.updateSession("ce-s-b", { metadata: { b: { c: 2 } } });
    expect(updated.metadata).toEqual({ a: 1, b: { c: 2 } });
    expect((await zep.memory.getSession("ce-s-b")).metadata).toEqual({ a: 1, b: { c: 2 } });
    expect(await thrown(zep.memory.getSession("ce-s-none"))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.memory.updateSession("ce-s-none", { metadata: {} }))).toBeInstanceOf(
      Zep.NotFoundError,
    );

    const ids = async (request: Zep.MemoryListSessionsRequest) =>
      (await zep.memory.listSessions(request)).sessions!.map((s) => s.sessionId);
    // Newest first by default; ascending on request; by any of the four fields.
    expect(await ids({})).toEqual(["ce-s-c", "ce-s-a", "ce-s-b"]);
    expect(await ids({ asc: true })).toEqual(["ce-s-b", "ce-s-a", "ce-s-c"]);
    expect(await ids({ orderBy: "session_id", asc: true })).toEqual(["ce-s-a", "ce-s-b", "ce-s-c"]);
    expect(await ids({ orderBy: "updated_at", asc: false, pageSize: 1 })).toEqual(["ce-s-b"]);
    expect(await ids({ orderBy: "user_id", asc: true, pageSize: 2 })).toEqual(["ce-s-a", "ce-s-b"]);
    const page = await zep.memory.listSessions({
      orderBy: "session_id",
      asc: true,
      pageNumber: 2,
      pageSize: 2,
    });
    expect(page.sessions!.map((s) => s.sessionId)).toEqual(["ce-s-c"]);
    expect(page.totalCount).toBe(3);
    expect(page.responseCount).toBe(1);
    const badOrder = await thrown(zep.memory.listSessions({ orderBy: "content" }));
    expect(badOrder).toBeInstanceOf(Zep.BadRequestError);
  });

  it("stores fact_rating_instruction from addSession and updateSession, and from a user's create and update", async () => {
    const zep = client();
    await zep.user.add({ userId: "ce-rater" });
    const instruction = {
      instruction: "Rate travel plans highly.",
      examples: { high: "Flies to Oslo.", medium: "Fears flying.", low: "Likes tea." },
    };
    const created = await zep.memory.addSession({
      sessionId: "ce-rated",
      userId: "ce-rater",
      factRatingInstruction: instruction,
    });
    expect(created.factRatingInstruction).toEqual(instruction);
    expect((await zep.memory.getSession("ce-rated")).factRatingInstruction).toEqual(instruction);
    // Zep's rule: an update without one leaves it; an update with one replaces it.
    await zep.memory.updateSession("ce-rated", { metadata: { a: 1 } });
    expect((await zep.memory.getSession("ce-rated")).factRatingInstruction).toEqual(instruction);
    const replaced = await zep.memory.updateSession("ce-rated", {
      metadata: {},
      factRatingInstruction: { instruction: "Rate diets highly." },
    });
    expect(replaced.factRatingInstruction).toEqual({ instruction: "Rate diets highly." });
    // A session without one reads as none.
    expect((await zep.memory.addSession({ sessionId: "ce-unrated" })).factRatingInstruction).toBeUndefined();

    // zep-js 2.0.2 sends no instruction for users; Zep Cloud's later API does, and raw REST can.
    const rest = restCaller({ url: server.url, apiKey: server.apiKey });
    const user = await rest.post("/api/v2/users", {
      user_id: "ce-rated-user",
      fact_rating_instruction: { instruction: "Rate food highly." },
    });
    expect(user.status).toBe(201);
    expect(user.json).toMatchObject({ fact_rating_instruction: { instruction: "Rate food highly." } });
    const patched = await rest.patch("/api/v2/users/ce-rated-user", {
      fact_rating_instruction: { instruction: "Rate allergies highly." },
    });
    expect(patched.json).toMatchObject({
      fact_rating_instruction: { instruction: "Rate allergies highly." },
    });
    const bad = await rest.post("/api/v2/sessions", { session_id: "ce-bad", fact_rating_instruction: "x" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("fact_rating_instruction");
    expect((await rest.call("GET", "/api/v2/sessions/ce-bad")).status).toBe(404);
  });

  it("memory.add, get, getSessionMessages, getSessionMessage, updateMessageMetadata and delete", async () => {
    const zep = client();
    const added = await zep.memory.add("ce-mem", {
      messages: [
        {
          role: "Jane",
          roleType: "user",
          content: "I fly to Lisbon on Friday",
          metadata: { topic: "travel" },
        },
        { role: "Bot", roleType: "assistant", content: "Noted: Lisbon, Friday." },
        { role: "Jane", roleType: "user", content: "ünïcödé ✓ 第二 🌱" },
      ],
    });
    expect(added).toEqual({ message: "OK" });

    const memory = await zep.memory.get("ce-mem");
    expect(memory.messages!.map((m) => [m.role, m.roleType, m.content])).toEqual([
      ["Jane", "user", "I fly to Lisbon on Friday"],
      ["Bot", "assistant", "Noted: Lisbon, Friday."],
      ["Jane", "user", "ünïcödé ✓ 第二 🌱"],
    ]);
    expect(callerMetadata(memory.messages![0]!.metadata)).toEqual({ topic: "travel" });
    expect(memory.messages![0]!.tokenCount).toBeGreaterThan(0);
    const lastTwo = await zep.memory.get("ce-mem", { lastn: 2 });
    expect(lastTwo.messages!.map((m) => m.role)).toEqual(["Bot", "Jane"]);
    // minRating filters facts; with none stored, the memory is the same.
    const rated = await zep.memory.get("ce-mem", { lastn: 2, minRating: 0.5 });
    expect(rated.messages!.map((m) => m.content)).toEqual(lastTwo.messages!.map((m) => m.content));
    expect(await thrown(zep.memory.get("ce-none"))).toBeInstanceOf(Zep.NotFoundError);

    const page = await zep.memory.getSessionMessages("ce-mem", { limit: 2, cursor: 2 });
    expect(page.messages!.map((m) => m.content)).toEqual(["ünïcödé ✓ 第二 🌱"]);
    expect(page.totalCount).toBe(3);
    expect(page.rowCount).toBe(1);
    const all = await zep.memory.getSessionMessages("ce-mem");
    expect(all.messages).toHaveLength(3);

    const uuid = all.messages![1]!.uuid!;
    const message = await zep.memory.getSessionMessage("ce-mem", uuid);
    expect(message.content).toBe("Noted: Lisbon, Friday.");
    const patched = await zep.memory.updateMessageMetadata("ce-mem", uuid, { metadata: { label: "ack" } });
    expect(callerMetadata(patched.metadata)).toEqual({ label: "ack" });
    expect(patched.tokenCount).toBe(message.tokenCount);
    expect(callerMetadata((await zep.memory.getSessionMessage("ce-mem", uuid)).metadata)).toEqual({
      label: "ack",
    });
    expect(
      await thrown(zep.memory.getSessionMessage("ce-mem", "11111111-1111-4111-8111-111111111111")),
    ).toBeInstanceOf(Zep.NotFoundError);

    expect(await zep.memory.delete("ce-mem")).toEqual({ message: "OK" });
    expect(await thrown(zep.memory.get("ce-mem"))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.memory.delete("ce-mem"))).toBeInstanceOf(Zep.NotFoundError);
  });

  it("memory.searchSessions by session_ids or user_id, with a metadata filter and min_score", async () => {
    const zep = client();
    await zep.user.add({ userId: "ce-traveller" });
    await zep.memory.addSession({ sessionId: "ce-trip-1", userId: "ce-traveller" });
    await zep.memory.addSession({ sessionId: "ce-trip-2", userId: "ce-traveller" });
    await zep.memory.add("ce-trip-1", {
      messages: [
        { role: "u", roleType: "user", content: "Book a flight to Lisbon", metadata: { intent: "travel" } },
        {
          role: "u",
          roleType: "user",
          content: "And a hotel near the beach",
          metadata: { intent: "lodging" },
        },
      ],
    });
    await zep.memory.add("ce-trip-2", {
      messages: [
        {
          role: "u",
          roleType: "user",
          content: "Lisbon in May: flights to Lisbon, a tram in Lisbon",
          metadata: { intent: "travel" },
        },
      ],
    });
    await zep.memory.add("ce-other", {
      messages: [{ role: "u", roleType: "user", content: "Lisbon weather", metadata: { intent: "travel" } }],
    });

    const byUser = await zep.memory.searchSessions({ text: "lisbon", userId: "ce-traveller", limit: 10 });
    expect(new Set(byUser.results!.map((r) => r.sessionId))).toEqual(new Set(["ce-trip-1", "ce-trip-2"]));
    for (const result of byUser.results!) {
      expect(result.message!.content).toMatch(/Lisbon/);
      expect(result.score).toBeGreaterThan(0);
    }

    const bySessions = await zep.memory.searchSessions({
      text: "lisbon",
      sessionIds: ["ce-trip-2", "ce-other"],
    });
    expect(bySessions.results!.map((r) => r.message!.content).sort()).toEqual([
      "Lisbon in May: flights to Lisbon, a tram in Lisbon",
      "Lisbon weather",
    ]);

    const filtered = await zep.memory.searchSessions({
      userId: "ce-traveller",
      recordFilter: { where: { jsonpath: "$.intent ? (@ == 'lodging')" } },
    });
    expect(filtered.results!.map((r) => r.message!.content)).toEqual(["And a hotel near the beach"]);

    const everything = await zep.memory.searchSessions({ text: "lisbon" });
    const best = Math.max(...everything.results!.map((r) => r.score!));
    const strict = await zep.memory.searchSessions({ text: "lisbon", minScore: best });
    expect(strict.results!.length).toBeGreaterThan(0);
    expect(strict.results!.length).toBeLessThan(everything.results!.length);
    for (const result of strict.results!) expect(result.score).toBeGreaterThanOrEqual(best);

    const facts = await zep.memory.searchSessions({
      text: "lisbon",
      searchScope: "facts",
      userId: "ce-traveller",
    });
    expect(facts.results).toEqual([]);
    const summaries = await zep.memory.searchSessions({ text: "lisbon", searchScope: "summary" });
    expect(summaries.results).toEqual([]);

    expect(statusOf(await thrown(zep.memory.searchSessions({ text: "x", userId: "ce-nobody" })))).toBe(404);
    const badFilter = await thrown(
      zep.memory.searchSessions({ text: "x", recordFilter: { where: { jsonpath: "$$.((" } } }),
    );
    expect(statusOf(badFilter)).toBe(400);
  });
});
