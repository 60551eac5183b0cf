/**
 * Generated trip-planning conversations with planted personal facts at known positions.
 *
 * Every fact is a statement the user makes once, with a `key` (the specific value: a number, a
 * name, an allergen) that appears nowhere else in the conversation, so a memory holds the fact
 * exactly when it holds the key. The chatter around the facts varies topic, length and style, and
 * no two of its lines are alike.
 */

export interface PlantedFact {
  kind: string;
  /** Position of the fact's message in the conversation, from 0. */
  index: number;
  /** The value a memory must hold to hold the fact. */
  key: string;
  /** A question about the fact, worded as a user would ask it later. */
  question: string;
}

export interface ConversationMessage {
  role: string;
  role_type: "user" | "assistant";
  content: string;
}

export interface Conversation {
  seed: number;
  messages: ConversationMessage[];
  facts: PlantedFact[];
}

/** Whether `text` holds the fact's key as a whole value (not "May 1" inside "May 12"). */
export function holdsIn(text: string, fact: Pick<PlantedFact, "key">): boolean {
  const key = fact.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${key}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** mulberry32: a small seeded generator, so a seed always gives the same conversation. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: Rng, count: number) =>
  Array.from({ length: count }, (_, i) =>
    String(Math.floor(rng() * (i === 0 ? 9 : 10)) + (i === 0 ? 1 : 0)),
  ).join("");

const people = [
  "Beatriz",
  "Tomasz",
  "Ingrid",
  "Oluwaseun",
  "Marguerite",
  "Dmitri",
  "Siobhan",
  "Rafferty",
  "Anneliese",
  "Kwabena",
  "Yevgenia",
  "Thaddeus",
];
const pets = ["Biscuit", "Pimento", "Waffles", "Juniper", "Mochi", "Pretzel"];
const allergens = ["shellfish", "peanuts", "sesame", "penicillin", "kiwi fruit", "latex"];
const diets = ["vegetarian", "vegan", "pescatarian", "gluten-free", "halal", "kosher"];
const months = ["March", "April", "May", "June", "July", "September", "October"];
const airlines = ["TP", "LH", "BA", "IB", "KL", "AF"];
const guesthouses = [
  "Casa Amora",
  "Quinta das Lagrimas",
  "Pensao Favorita",
  "Solar dos Mouros",
  "Casa Fenix",
  "Vila Galeria",
];
const medications = ["insulin", "an epinephrine pen", "levothyroxine", "blood thinners"];
const seats = ["an aisle seat", "a window seat", "an exit-row seat"];
const jobs = ["the hospital", "the bakery", "the law office", "the school", "the studio"];

type FactMaker = (rng: Rng) => { kind: string; key: string; statement: string; question: string };

/** Twenty kinds of personal fact; each statement shares at most a word or two with its question. */
const factMakers: FactMaker[] = [
  (rng) => {
    const key = digits(rng, 4);
    return {
      kind: "passport",
      key,
      statement: pick(rng, [
        `My passport number ends in ${key}, in case the hotel asks.`,
        `For the forms: the passport I'm travelling on ends with ${key}.`,
      ]),
      question: "What are the last digits of my passport?",
    };
  },
  (rng) => {
    const key = pick(rng, allergens);
    return {
      kind: "allergy",
      key,
      statement: pick(rng, [
        `I'm allergic to ${key}, quite badly actually.`,
        `Careful with me and ${key}: I'm seriously allergic.`,
      ]),
      question: "Do I have any allergies?",
    };
  },
  (rng) => {
    const key = `${pick(rng, airlines)} ${digits(rng, 4)}`;
    return {
      kind: "flight",
      key,
      statement: pick(rng, [
        `Our outbound flight is ${key}, leaving at 7:40 in the morning.`,
        `I just got the email: the flight is ${key} and boarding closes forty minutes before.`,
      ]),
      question: "What is my flight number?",
    };
  },
  (rng) => {
    const key = `${1 + Math.floor(rng() * 8)},${digits(rng, 1)}00`;
    return {
      kind: "budget",
      key,
      statement: pick(rng, [
        `Our budget for the whole trip is ${key} euros, flights included.`,
        `We agreed on a budget of ${key} euros, and I don't want to go over it.`,
      ]),
      question: "How much was our budget?",
    };
  },
  (rng) => {
    const key = pick(rng, people.slice(0, 4));
    return {
      kind: "sister",
      key,
      statement: pick(rng, [
        `My sister ${key} is joining us for the second week.`,
        `Oh, my younger sister ${key} wants to come along for part of it.`,
      ]),
      question: "What is my sister called?",
    };
  },
  (rng) => {
    const key = pick(rng, guesthouses);
    return {
      kind: "lodging",
      key,
      statement: pick(rng, [
        `I booked ${key} for the first five nights.`,
        `We're staying at ${key}; I booked it last night with free cancellation.`,
      ]),
      question: "Which place did I book to stay?",
    };
  },
  (rng) => {
    const key = pick(rng, diets);
    return {
      kind: "diet",
      key,
      statement: pick(rng, [
        `I keep a strict ${key} diet, so restaurants matter.`,
        `Just so you know, my diet is ${key}.`,
      ]),
      question: "Do I follow a special diet?",
    };
  },
  (rng) => {
    const day = 1 + Math.floor(rng() * 27);
    const key = `${pick(rng, months)} ${day}`;
    return {
      kind: "birthday",
      key,
      statement: pick(rng, [
        `My birthday is on ${key}, right in the middle of the trip!`,
        `Fun detail: I turn forty on ${key}, my birthday falls during the trip.`,
      ]),
      question: "When is my birthday?",
    };
  },
  (rng) => {
    const key = `${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`;
    return {
      kind: "phone",
      key,
      statement: pick(rng, [
        `The phone number I gave the tour company is ${key}.`,
        `If they need to reach me, my mobile is ${key}; put that on the phone contact line.`,
      ]),
      question: "Which phone number did I give them?",
    };
  },
  (rng) => {
    const key = pick(rng, seats);
    return {
      kind: "seat",
      key,
      statement: pick(rng, [
        `I always prefer ${key} on long flights.`,
        `Please remember I prefer ${key}, my back hates anything else.`,
      ]),
      question: "What kind of seat do I prefer?",
    };
  },
  (rng) => {
    const key = pick(rng, people.slice(4, 8));
    return {
      kind: "colleague",
      key,
      statement: pick(rng, [
        `My old colleague ${key} lives out there now and wants to meet for dinner.`,
        `A former colleague of mine, ${key}, moved there last year.`,
      ]),
      question: "What is my colleague's name?",
    };
  },
  (rng) => {
    const key = pick(rng, medications);
    return {
      kind: "medication",
      key,
      statement: pick(rng, [
        `I take ${key} every day, so the room needs a fridge.`,
        `Because of ${key}, I need a fridge in every room we book.`,
      ]),
      question: "Why do I need a fridge in the room?",
    };
  },
  (rng) => {
    const key = `KX${digits(rng, 1)}-${digits(rng, 3)}`;
    return {
      kind: "rental",
      key,
      statement: pick(rng, [
        `The rental car confirmation code is ${key}.`,
        `Car rental confirmed, code ${key}, pick-up at the airport desk.`,
      ]),
      question: "What is the code for the car rental?",
    };
  },
  (rng) => {
    const key = pick(rng, pets);
    return {
      kind: "dog",
      key,
      statement: pick(rng, [
        `My dog ${key} stays with the neighbours while we're away.`,
        `We had to find a sitter for ${key}, our dog, who hates kennels.`,
      ]),
      question: "What is my dog's name?",
    };
  },
  (rng) => {
    const key = pick(rng, people.slice(8, 12));
    return {
      kind: "partner",
      key,
      statement: pick(rng, [
        `My partner ${key} speaks fluent Portuguese, which will help.`,
        `${key}, my partner, is fluent in Portuguese, so we're fine there.`,
      ]),
      question: "Who is my partner?",
    };
  },
  (rng) => {
    const key = `${pick(rng, months)} ${1 + Math.floor(rng() * 27)}`;
    return {
      kind: "wedding",
      key,
      statement: pick(rng, [
        `We have to be in Braga on ${key} for my cousin's wedding.`,
        `My cousin's wedding is on ${key}, that date cannot move.`,
      ]),
      question: "When is the wedding?",
    };
  },
  (rng) => {
    const key = pick(rng, ["left knee", "right knee", "lower back", "left ankle"]);
    return {
      kind: "injury",
      key,
      statement: pick(rng, [
        `My ${key} is bad, so long hikes are out for me.`,
        `Nothing too steep please: my ${key} still hurts after the surgery, so no long hikes.`,
      ]),
      question: "Why can't I do long hikes?",
    };
  },
  (rng) => {
    const key = `carriage ${2 + Math.floor(rng() * 9)}`;
    return {
      kind: "train",
      key,
      statement: pick(rng, [
        `Our train tickets are for ${key}, seats next to each other.`,
        `I reserved the train: ${key}, departing 6:15.`,
      ]),
      question: "Which carriage are our train seats in?",
    };
  },
  (rng) => {
    const key = `AXA-${digits(rng, 5)}`;
    return {
      kind: "insurance",
      key,
      statement: pick(rng, [
        `My travel insurance policy number is ${key}.`,
        `Insurance is sorted: policy ${key}, covers cancellations too.`,
      ]),
      question: "What is my insurance policy number?",
    };
  },
  (rng) => {
    const key = pick(rng, jobs);
    return {
      kind: "work",
      key,
      statement: pick(rng, [
        `I need to be back at work at ${key} on Monday the 3rd.`,
        `I have to return to ${key} on the 3rd, they won't give me more days off work.`,
      ]),
      question: "Where do I work?",
    };
  },
];

export const factKinds = factMakers.length;

const places = [
  "Lisbon",
  "Alfama",
  "Estrela",
  "Belem",
  "Sintra",
  "Cascais",
  "Porto",
  "Ribeira",
  "Coimbra",
  "Evora",
  "Lagos",
  "Faro",
  "Madeira",
  "Chiado",
  "Graca",
  "Mouraria",
  "Principe Real",
  "Campo de Ourique",
  "Tavira",
  "Obidos",
  "Nazare",
  "Aveiro",
  "Guimaraes",
];
const transport = [
  "tram",
  "ferry",
  "metro",
  "night bus",
  "funicular",
  "regional train",
  "tuk-tuk",
  "taxi",
  "rental bike",
  "coastal train",
  "airport shuttle",
  "ride share",
];
const sights = [
  "the tiled churches",
  "the old market hall",
  "the viewpoint terraces",
  "the riverside promenade",
  "the castle walls",
  "the azulejo museum",
  "the botanical garden",
  "the fado houses",
  "the monastery cloister",
  "the surf beaches",
  "the bookshops",
  "the street art",
  "the sardine stalls",
  "the pastry counters",
];
const weather = [
  "when it rains",
  "on windy afternoons",
  "in the early heat",
  "at sunset",
  "on Sunday mornings",
  "during the festival week",
  "after the lunch rush",
  "in the off season",
  "when the fog rolls in",
  "on market days",
];
const adjectives = [
  "lovely",
  "crowded",
  "quiet",
  "overrated",
  "charming",
  "steep",
  "surprisingly cheap",
  "a bit touristy",
  "beautiful",
  "underrated",
  "noisy",
  "peaceful",
];
const verbs = [
  "wander through",
  "take a look at",
  "skip",
  "spend an hour at",
  "photograph",
  "linger around",
  "walk past",
  "queue for",
];
const reactions = [
  "Haha, fair enough.",
  "Ooh, nice.",
  "Hmm, maybe.",
  "That sounds fun!",
  "Right, makes sense.",
  "Ha, I'd never have guessed.",
  "Cool, cool.",
  "Wow, really?",
  "Interesting.",
  "Okay, noted.",
];
const acks = [
  "Got it, I'll keep that in mind.",
  "Noted, thanks for telling me.",
  "Understood, I'll plan around that.",
  "Thanks, that's useful to know.",
  "Good to know, I'll remember it.",
  "Perfect, I've made a note.",
];

type ChatterMaker = (rng: Rng) => string;

const userChatter: ChatterMaker[] = [
  (rng) => `Is the ${pick(rng, transport)} to ${pick(rng, places)} easy to figure out?`,
  (rng) => `I've heard ${pick(rng, places)} is ${pick(rng, adjectives)} ${pick(rng, weather)}.`,
  (rng) => `${pick(rng, reactions)} What about ${pick(rng, sights)} in ${pick(rng, places)}?`,
  (rng) => `Could we ${pick(rng, verbs)} ${pick(rng, sights)} on the way to ${pick(rng, places)}?`,
  (rng) => `${pick(rng, reactions)}`,
  (rng) => `I wonder if the ${pick(rng, transport)} runs late ${pick(rng, weather)}.`,
  (rng) =>
    `A friend said ${pick(rng, sights)} were ${pick(rng, adjectives)}, but she goes everywhere ${pick(rng, weather)}.`,
  (rng) => `Let's maybe ${pick(rng, verbs)} ${pick(rng, places)} and see how we feel.`,
  (rng) =>
    `How long does the ${pick(rng, transport)} take from ${pick(rng, places)} to ${pick(rng, places)}?`,
  (rng) => `I'd rather not ${pick(rng, verbs)} ${pick(rng, sights)} if it's ${pick(rng, adjectives)}.`,
  (rng) => `Thanks! That helps a lot. And is ${pick(rng, places)} worth a day?`,
  (rng) => `Ha, the photos of ${pick(rng, sights)} look ${pick(rng, adjectives)}.`,
];

const assistantChatter: ChatterMaker[] = [
  (rng) =>
    `Expect ${pick(rng, adjectives)} streets around ${pick(rng, places)}; ${pick(rng, sights)} close early ${pick(rng, weather)}.`,
  (rng) =>
    `The ${pick(rng, transport)} is the simplest option. It leaves every ${5 + Math.floor(rng() * 25)} minutes or so, and ${pick(rng, weather)} it gets ${pick(rng, adjectives)}. Buy a rechargeable card at any station.`,
  (rng) =>
    `Many visitors ${pick(rng, verbs)} ${pick(rng, sights)} in ${pick(rng, places)}, which is ${pick(rng, adjectives)} ${pick(rng, weather)}.`,
  (rng) => `Yes, ${pick(rng, places)} deserves at least half a day.`,
  (rng) =>
    `If you like ${pick(rng, sights)}, ${pick(rng, places)} is a good bet. The ${pick(rng, transport)} from ${pick(rng, places)} takes about ${10 + Math.floor(rng() * 50)} minutes. Locals say it is ${pick(rng, adjectives)} ${pick(rng, weather)}, so plan a little slack.`,
  (rng) =>
    `Sure. ${pick(rng, places)} and ${pick(rng, places)} pair well in one day by ${pick(rng, transport)}.`,
  (rng) =>
    `Good question! The ${pick(rng, transport)} can be ${pick(rng, adjectives)} ${pick(rng, weather)}, so a ${pick(rng, transport)} may be better.`,
  (rng) =>
    `You could ${pick(rng, verbs)} ${pick(rng, sights)} first, then head to ${pick(rng, places)} for lunch.`,
  (rng) => `Honestly, ${pick(rng, sights)} are ${pick(rng, adjectives)}; I'd give them an hour at most.`,
  (rng) =>
    `That works. ${pick(rng, places)} is ${pick(rng, adjectives)} and the ${pick(rng, transport)} stops right there.`,
];

/** Chatter that is never the same line twice: a repeat gets a varied tail. */
function uniqueLine(rng: Rng, makers: ChatterMaker[], seen: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    let line = pick(rng, makers)(rng);
    if (attempt > 3)
      line = `${line} ${pick(rng, ["By the way,", "Also,", "Plus,", "And"])} ${pick(rng, places)} ${pick(rng, weather)} is ${pick(rng, adjectives)}.`;
    if (!seen.has(line)) {
      seen.add(line);
      return line;
    }
  }
}

/**
 * A conversation of `length` messages (user and assistant alternating) with `factCount` facts
 * spread over the first 90 % of it, each at a user turn, some inside longer messages.
 */
export function generateConversation(seed: number, length: number, factCount = factKinds): Conversation {
  const rng = random(seed);
  const seen = new Set<string>();
  const kinds = [...factMakers.keys()].sort(() => rng() - 0.5).slice(0, factCount);
  const userTurns = Math.floor(length / 2);
  // Fact positions: user turns spread evenly over the first 90 %, with a little jitter.
  const span = Math.floor(userTurns * 0.9);
  const factTurns = new Map<number, number>();
  kinds.forEach((kind, i) => {
    const base = Math.floor(((i + 0.5) * span) / kinds.length);
    let turn = Math.min(span - 1, Math.max(0, base + Math.floor((rng() - 0.5) * 2)));
    while (factTurns.has(turn)) turn += 1;
    factTurns.set(turn, kind);
  });

  const messages: ConversationMessage[] = [];
  const facts: PlantedFact[] = [];
  let factJustStated = false;
  for (let turn = 0; turn < userTurns; turn += 1) {
    const kind = factTurns.get(turn);
    if (kind !== undefined) {
      const fact = factMakers[kind]!(rng);
      const style = rng();
      const content =
        style < 0.4
          ? fact.statement
          : style < 0.7
            ? `${pick(rng, ["Oh, before I forget.", "Quick thing.", "Unrelated, but important."])} ${fact.statement}`
            : `${fact.statement} ${uniqueLine(rng, userChatter, seen)}`;
      facts.push({ kind: fact.kind, index: messages.length, key: fact.key, question: fact.question });
      messages.push({ role: "Jane", role_type: "user", content });
      factJustStated = true;
    } else {
      messages.push({ role: "Jane", role_type: "user", content: uniqueLine(rng, userChatter, seen) });
    }
    const reply = factJustStated
      ? `${pick(rng, acks)} ${uniqueLine(rng, assistantChatter, seen)}`
      : uniqueLine(rng, assistantChatter, seen);
    messages.push({ role: "Guide", role_type: "assistant", content: reply });
    factJustStated = false;
  }
  if (messages.length < length)
    messages.push({ role: "Jane", role_type: "user", content: uniqueLine(rng, userChatter, seen) });
  return { seed, messages, facts };
}
