import { describe, expect, it } from "vitest";
import { parseSearchText } from "@/server/services/searchText";
import { backends, callerFor, useTestDatabase } from "./support/databases";

const chatter = [
  "Expect lovely streets around Estrela; the bakeries close early when it rains.",
  "The tram from Belem takes about 20 minutes, and it works well on Sundays.",
  "That works. Flights to Porto are cheap in winter.",
  "Is the ferry to Cacilhas crowded in the morning?",
  "Many visitors skip the castle walls in Sintra.",
  "Long walks along the river are lovely at sunset.",
  "The 28 tram is a classic, and so are the stories of its drivers.",
];
const facts = {
  flight: "Quick thing: our outbound flight is TP 1351, leaving at 7:40.",
  allergy: "Careful with me and shellfish: I'm seriously allergic.",
  partner: "Anneliese, my partner, is fluent in Portuguese.",
  work: "I have to be back at work at the hospital on the 3rd.",
};

describe("search text", () => {
  it("keeps the words a question is about, with prefixes, phrases and names", () => {
    const question = parseSearchText("What is my flight number?");
    expect(question.terms).toEqual(["flight", "number"]);
    expect(question.phraseQuery).toBe("(flight <-> number)");
    expect(question.firstPerson).toBe(true);
    expect(parseSearchText("Do I have any allergies?").termQueries).toEqual(["(allergies | allerg:*)"]);
    expect(parseSearchText("Where does Anneliese live these days?").trigramTerms).toEqual(["anneliese"]);
    expect(parseSearchText("don't 'quote' me").terms).toEqual(["dont", "quote"]);
    expect(parseSearchText('"restaurant reservation"').webSyntax).toBe(true);
    expect(parseSearchText("what is it?").terms).toEqual([]);
  });
});

describe.each(backends)("questions about stated facts on %s", (backend) => {
  const t = useTestDatabase(backend, `search_questions_${backend}`);

  async function seed() {
    const api = await callerFor(t.db);
    const contents = [
      ...chatter.slice(0, 3),
      facts.flight,
      facts.allergy,
      ...chatter.slice(3),
      facts.partner,
      facts.work,
    ];
    await api.memory.add({
      sessionId: "trip",
      messages: contents.map((content, index) => ({
        role: index % 2 ? "Guide" : "Jane",
        role_type: index % 2 ? ("assistant" as const) : ("user" as const),
        content,
      })),
    });
    return api;
  }
  const top = async (
    api: Awaited<ReturnType<typeof callerFor>>,
    text: string,
    limit = 1,
    sessionId = "trip",
  ) => (await api.search.query({ sessionId, text, limit })).map((result) => result.message?.content);

  it("finds the message that answers a question sharing one word with it", async () => {
    const api = await seed();
    // Two messages hold "flight" and none "number": the one in the first person answers "my".
    expect(await top(api, "What is my flight number?")).toEqual([facts.flight]);
    // "allergies" reaches "allergic" by prefix; stemming alone does not.
    expect(await top(api, "Do I have any allergies?")).toEqual([facts.allergy]);
    // A first-person question prefers the statement in the first person over "that works".
    expect(await top(api, "Where do I work?")).toEqual([facts.work]);
  });

  it("finds a misspelled name by trigram, below full-text matches", async () => {
    const api = await seed();
    const results = await api.search.query({ sessionId: "trip", text: "Who is Aneliese?", limit: 3 });
    expect(results[0]!.message!.content).toBe(facts.partner);
    expect(results[0]!.score).toBeLessThanOrEqual(0.5);
  });

  it("ranks words side by side above the same words apart, and keeps web-search phrases exact", async () => {
    const api = await seed();
    await api.memory.add({
      sessionId: "trip",
      messages: [
        { role: "Jane", content: "The attendants on that long flight were kind to us." },
        { role: "Guide", content: "Flight attendants strike on Friday, check before you go." },
      ],
    });
    expect(await top(api, "flight attendants", 2)).toEqual([
      "Flight attendants strike on Friday, check before you go.",
      "The attendants on that long flight were kind to us.",
    ]);
    const phrase = await api.search.query({ sessionId: "trip", text: '"castle walls"', limit: 3 });
    expect(phrase[0]!.message?.content).toBe("Many visitors skip the castle walls in Sintra.");
    expect(phrase.map((result) => result.score > 0.5)).toEqual(phrase.map((_, index) => index === 0));
    // The words in the other order are no phrase match: at most a near miss.
    const reversed = await api.search.query({ sessionId: "trip", text: '"walls castle"', limit: 3 });
    expect(reversed.every((result) => result.score <= 0.5)).toBe(true);
  });

  it("answers questions in long sessions and across sessions, where rows holding every term are read first", async () => {
    const api = await callerFor(t.db);
    const filler = Array.from({ length: 240 }, (_, i) =>
      i % 12 === 0
        ? `The flight attendants on route ${i} were kind.`
        : `Small talk about the weather, part ${i}.`,
    );
    await api.memory.add({
      sessionId: "long",
      messages: [...filler, facts.flight, ...filler.slice(0, 20).map((line) => `${line} Again.`)].map(
        (content) => ({ role: "Jane", content }),
      ),
    });
    await api.memory.add({
      sessionId: "other",
      messages: [{ role: "Sam", content: "My flight number is BA 77." }],
    });

    // No row holds both "flight" and "number" in the long session: rows holding one are read next.
    expect(await top(api, "What is my flight number?", 1, "long")).toEqual([facts.flight]);
    // Rows holding both fill the list from the index alone.
    const both = await api.search.query({ sessionId: "long", text: "flight attendants", limit: 5 });
    expect(both).toHaveLength(5);
    expect(both.every((result) => /flight attendants/.test(result.message!.content))).toBe(true);
    // Across sessions, the row holding every term comes first.
    const everywhere = await api.search.query({ text: "What is my flight number?", limit: 3 });
    expect(everywhere[0]).toMatchObject({
      session_id: "other",
      message: { content: "My flight number is BA 77." },
    });
    expect(everywhere.map((result) => result.message?.content)).toContain(facts.flight);
  });
});
