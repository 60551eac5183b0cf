import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Zep, ZepClient } from "zep-js-v202";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";
import { serverForTests } from "../support/server";

// The stub must listen before the server starts, which reads its URL from the environment.
const stub: OpenAiStub = await startOpenAiStub();
const server = serverForTests("facts_http", {
  ENGRAM_FACTS_BASE_URL: stub.url,
  ENGRAM_FACTS_MODEL: "stub",
  ENGRAM_FACTS_MIN_MESSAGES: "1",
  ENGRAM_WORKER_POLL_MS: "20",
  ENGRAM_WORKER_SETTLE_MS: "0",
});

/** The stub model: a fact for each message that states where Jane lives or what she is allergic to. */
function answer(prompt: string): string {
  const operations = [];
  for (const line of prompt.split("\n")) {
    const match = /^(M\d+): Jane \(user\): (.*)$/.exec(line);
    if (!match) continue;
    if (/Lisbon/.test(match[2]!))
      operations.push({ type: "add", fact: "Jane lives in Lisbon.", rating: 0.4, sources: [match[1]] });
    if (/peanuts/.test(match[2]!))
      operations.push({
        type: "add",
        fact: "Jane is allergic to peanuts.",
        rating: 0.9,
        sources: [match[1]],
      });
  }
  return JSON.stringify({ operations });
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("facts over HTTP", () => {
  let zep: ZepClient;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });

  beforeAll(async () => {
    stub.summarize = (request) => answer(request.prompt);
    zep = new ZepClient({ baseUrl: server.url, apiKey: server.apiKey });
    expect(
      (await call("/api/v2/users", { method: "POST", body: JSON.stringify({ user_id: "jane" }) })).status,
    ).toBe(201);
    expect(
      (
        await call("/api/v2/sessions", {
          method: "POST",
          body: JSON.stringify({ session_id: "s1", user_id: "jane" }),
        })
      ).status,
    ).toBe(201);
    const added = await call("/api/v2/sessions/s1/memory", {
      method: "POST",
      body: JSON.stringify({
        messages: [
          { role: "Jane", role_type: "user", content: "I moved to Lisbon in May." },
          { role: "Bot", role_type: "assistant", content: "How do you like it?" },
          { role: "Jane", role_type: "user", content: "Love it, but careful: I am allergic to peanuts." },
        ],
      }),
    });
    expect(added.status).toBe(200);
    // The server's own worker extracts the facts through the stub.
    for (let tries = 0; tries < 300; tries += 1) {
      const status = (await (await call("/api/v2/sessions/s1/enrichment")).json()) as Record<string, unknown>;
      if (
        status.fact_extraction === "on" &&
        status.unextracted_messages === 0 &&
        status.state === "up_to_date"
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await stub.close();
  });

  it("zep-js 2.0.2: memory.get returns relevant_facts and honours minRating", async () => {
    expect(stub.chatRequests).toHaveLength(1);
    const memory = await zep.memory.get("s1");
    expect(memory.relevantFacts?.map((fact) => [fact.fact, fact.rating])).toEqual([
      ["Jane is allergic to peanuts.", expect.closeTo(0.9, 5)],
      ["Jane lives in Lisbon.", expect.closeTo(0.4, 5)],
    ]);
    expect(memory.relevantFacts?.every((fact) => fact.uuid && fact.createdAt)).toBe(true);
    expect(memory.messages).toHaveLength(3);
    const rated = await zep.memory.get("s1", { minRating: 0.5 });
    expect(rated.relevantFacts?.map((fact) => fact.fact)).toEqual(["Jane is allergic to peanuts."]);
  });

  it("zep-js 2.0.2: getFact and deleteFact; a deleted or unknown fact is NotFoundError", async () => {
    const memory = await zep.memory.get("s1");
    const lisbon = memory.relevantFacts!.find((fact) => fact.fact === "Jane lives in Lisbon.")!;
    const got = await zep.memory.getFact(lisbon.uuid!);
    expect(got.fact).toMatchObject({
      uuid: lisbon.uuid,
      fact: "Jane lives in Lisbon.",
      createdAt: lisbon.createdAt,
    });

    await zep.memory.deleteFact(lisbon.uuid!);
    expect(await thrown(zep.memory.getFact(lisbon.uuid!))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.memory.deleteFact(lisbon.uuid!))).toBeInstanceOf(Zep.NotFoundError);
    expect(await thrown(zep.memory.getFact("not-a-uuid"))).toBeInstanceOf(Zep.NotFoundError);
    expect((await zep.memory.get("s1")).relevantFacts?.map((fact) => fact.fact)).toEqual([
      "Jane is allergic to peanuts.",
    ]);
  });

  it("lists session and user facts on v1 and v2, with as_of and the history", async () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    for (const path of ["/api/v2/sessions/s1/facts", "/api/v2/users/jane/facts", "/api/v1/user/jane/facts"]) {
      const response = await call(path);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { facts: { fact: string; source_message_uuids: string[] }[] };
      expect(body.facts.map((fact) => fact.fact)).toContain("Jane is allergic to peanuts.");
      expect(body.facts[0]!.source_message_uuids).toHaveLength(1);
    }
    const past = (await (
      await call(`/api/v2/users/jane/facts?as_of=${encodeURIComponent(before)}`)
    ).json()) as {
      facts: unknown[];
    };
    expect(past.facts).toEqual([]);

    const added = await call("/api/v2/users/jane/facts", {
      method: "POST",
      body: JSON.stringify({ fact: "Jane prefers email.", rating: 0.7 }),
    });
    expect(added.status).toBe(201);
    const { fact } = (await added.json()) as { fact: { uuid: string; origin: string } };
    expect(fact.origin).toBe("manual");
    const search = await call("/api/v2/sessions/s1/search?limit=5", {
      method: "POST",
      body: JSON.stringify({ text: "email", search_scope: "facts" }),
    });
    expect(((await search.json()) as { fact?: { uuid: string } }[]).map((hit) => hit.fact?.uuid)).toEqual([
      fact.uuid,
    ]);
    // Zep CE's search across sessions, by user and by session ids.
    for (const scope of [{ user_id: "jane" }, { session_ids: ["s1"] }]) {
      const across = await call("/api/v2/sessions/search", {
        method: "POST",
        body: JSON.stringify({ text: "email", search_scope: "facts", ...scope }),
      });
      expect(across.status).toBe(200);
      const { results } = (await across.json()) as { results: { fact?: { uuid: string } }[] };
      expect(results.map((hit) => hit.fact?.uuid)).toEqual([fact.uuid]);
    }
  });

  it("deleting a message over REST invalidates the facts it alone supported", async () => {
    const { facts } = (await (await call("/api/v2/users/jane/facts")).json()) as {
      facts: { uuid: string; fact: string; source_message_uuids: string[] }[];
    };
    const peanuts = facts.find((fact) => fact.fact === "Jane is allergic to peanuts.")!;
    const deleted = await call(`/api/v2/sessions/s1/messages/${peanuts.source_message_uuids[0]}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(200);
    const after = (await (await call(`/api/v2/facts/${peanuts.uuid}`)).json()) as {
      fact: { invalid_reason: string | null };
    };
    expect(after.fact.invalid_reason).toBe("source_deleted");
    expect(
      (await call(`/api/v2/sessions/s1/messages/${peanuts.source_message_uuids[0]}`, { method: "DELETE" }))
        .status,
    ).toBe(404);
  });

  it("refuses bad input with a clear 4xx and writes nothing", async () => {
    const count = async () =>
      ((await (await call("/api/v2/users/jane/facts?include_invalid=true")).json()) as { facts: unknown[] })
        .facts.length;
    const start = await count();
    const cases: [string, RequestInit, number, RegExp][] = [
      ["/api/v2/users/jane/facts?as_of=yesterday", {}, 400, /as_of/],
      ["/api/v2/users/jane/facts?minRating=2", {}, 400, /rating/],
      ["/api/v2/sessions/s1/memory?minRating=abc", {}, 400, /rating/],
      ["/api/v2/users/nobody/facts", {}, 404, /nobody/],
      ["/api/v2/sessions/none/facts", {}, 404, /none/],
      ["/api/v2/users/jane/facts", { method: "POST", body: JSON.stringify({ fact: "" }) }, 400, /fact/],
      [
        "/api/v2/users/jane/facts",
        { method: "POST", body: JSON.stringify({ fact: "x", rating: -1 }) },
        400,
        /rating/,
      ],
      ["/api/v2/users/jane/facts", { method: "POST", body: "{not json" }, 400, /JSON/],
      ["/api/v2/facts/00000000-0000-0000-0000-000000000000", { method: "DELETE" }, 404, /fact/],
      [
        "/api/v2/sessions/s1/search",
        { method: "POST", body: JSON.stringify({ search_scope: "facts" }) },
        400,
        /text/,
      ],
    ];
    for (const [path, init, status, message] of cases) {
      const response = await call(path, init);
      expect([path, response.status]).toEqual([path, status]);
      const body = (await response.json()) as { message: string };
      expect(body.message).toMatch(message);
    }
    expect(await count()).toBe(start);
  });
});
