import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { messages, sessions } from "@/db/schema";
import { addMemory, getMemory, memoryWindowStatement } from "@/server/services/memory";
import { listMessages, sessionWithMessages } from "@/server/services/messages";
import { search, searchShortSession } from "@/server/services/search";
import { parseSearchText } from "@/server/services/searchText";
import { findLiveSession } from "@/server/services/sessions";
import type { CallFactory, HttpCall } from "./load";

/** Sessions the read operations spread over, each 30 messages long with 4 summaries. */
export const readSessions = { prefix: "bench-read", count: 200, messagesPerSession: 30 };
/** Sessions the add operation appends to, round-robin, so concurrent adds rarely queue on one session. */
export const writeSessions = { prefix: "bench-write", count: 1000, messagesPerSession: 6 };

export const window = 12;
export const listLimit = 20;
export const searchText = "refund for the flight";
/** The trigram threshold `search` sets for its near-miss matching. */
const trigramThreshold = "0.45";
export const searchLimit = 5;

const readSession = (n: number) => `${readSessions.prefix}-${n % readSessions.count}`;
const writeSession = (n: number) => `${writeSessions.prefix}-${n % writeSessions.count}`;

/** One conversation turn: a question, a tool result and an answer of typical chat length. */
function turn(n: number) {
  return [
    {
      role: "customer",
      role_type: "user" as const,
      content: `Hi, I booked flight ${n} to Lisbon last week and the airline cancelled it. Can I get a refund for the ticket and the hotel night I lost?`,
    },
    {
      role: "bookings",
      role_type: "tool" as const,
      content: `{"booking": ${n}, "status": "cancelled_by_carrier", "fare": 412.50, "hotel_night": 96.00}`,
      metadata: { source: "bookings-api" },
    },
    {
      role: "agent",
      role_type: "assistant" as const,
      content:
        "I'm sorry about the cancellation. Your fare of 412.50 is refundable in full because the carrier cancelled; " +
        "I have opened the refund and it should reach your card within 5 to 7 days. The hotel night is covered by your travel insurance claim.",
    },
  ];
}

const trpcQuery = (procedure: string, input: unknown): HttpCall => ({
  method: "GET",
  path: `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
});
const trpcMutation = (procedure: string, input: unknown): HttpCall => ({
  method: "POST",
  path: `/api/trpc/${procedure}`,
  body: input,
});
const restPath = (sessionId: string, rest: string) =>
  `/api/v2/sessions/${encodeURIComponent(sessionId)}/${rest}`;

export interface Operation {
  key: string;
  label: string;
  rest: CallFactory;
  trpc: CallFactory;
  /** The same call to the bare reference server, for the operations it serves. */
  reference?: CallFactory;
  /**
   * For an operation the bare server does not serve: its get memory, measured in turns with this
   * operation's paths, as the yardstick its targets are held to.
   */
  bareGet?: CallFactory;
  /** The service function in this process, without HTTP. */
  service: (db: Db, n: number) => Promise<unknown>;
  /** The same SQL the service sends, through Drizzle, without HTTP or validation. */
  floor: (db: Db, n: number) => Promise<unknown>;
}

const actor = "api-key:bench";

/** The live session row, through the statement `requireSession` runs. */
async function floorSession(db: Db, sessionId: string) {
  const session = await findLiveSession(db, sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  return session;
}

/** `getMemory` without lastn: the session, its latest summary and the messages after it (at most `limit`). */
async function floorMemory(db: Db, sessionId: string, limit: number | undefined) {
  const rows = await memoryWindowStatement(db, limit !== undefined).execute({ sessionId, limit });
  if (!rows[0]) throw new Error(`no session ${sessionId}`);
  return rows;
}

/** `addMemory`'s transaction: claim positions on the session row, then insert the batch. */
async function floorAdd(db: Db, sessionId: string, n: number) {
  const batch = turn(n).map((message) => ({
    uuid: crypto.randomUUID(),
    role: message.role,
    roleType: message.role_type,
    content: message.content,
    metadata: message.metadata ?? {},
    tokenCount: Math.ceil(message.content.length / 4),
  }));
  const tokens = batch.reduce((sum, message) => sum + message.tokenCount, 0);
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({ sessionId, messageSeq: batch.length, messageCount: batch.length, tokenCount: tokens })
      .onConflictDoUpdate({
        target: sessions.sessionId,
        set: {
          messageSeq: sql`${sessions.messageSeq} + ${batch.length}`,
          messageCount: sql`${sessions.messageCount} + ${batch.length}`,
          tokenCount: sql`${sessions.tokenCount} + ${tokens}`,
          lastMessageAt: sql`now()`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: sessions.id, messageSeq: sessions.messageSeq });
    const firstSeq = session!.messageSeq - batch.length + 1;
    return tx
      .insert(messages)
      .values(batch.map((message, index) => ({ ...message, sessionPk: session!.id, seq: firstSeq + index })))
      .onConflictDoNothing({ target: messages.uuid, where: sql`${messages.deletedAt} is null` })
      .returning({ uuid: messages.uuid, tokenCount: messages.tokenCount });
  });
}

/** `listMessages`' first page: the session and its first messages in order, in one statement. */
async function floorList(db: Db, sessionId: string) {
  const found = await sessionWithMessages(db, sessionId, {
    forward: true,
    limit: listLimit + 1,
    withPosition: true,
  });
  if (!found) throw new Error(`no session ${sessionId}`);
  return found;
}

/**
 * `search` over one session's messages: a short session's in the service's own statement (the
 * session and one pass over its rows); in a longer one the full-text matches through the index,
 * and near misses only when those are too few (read row by row up to 5,000 messages, else through
 * the trigram index in a transaction that sets its threshold).
 */
async function floorSearch(db: Db, sessionId: string) {
  const short = await searchShortSession(db, sessionId, parseSearchText(searchText), searchLimit);
  if (short) return short;
  const session = await floorSession(db, sessionId);
  const query = sql`websearch_to_tsquery('english', ${searchText})`;
  const score = sql<number>`case when ${messages.searchVector} @@ ${query}
      then 0.5 + 0.5 * ts_rank_cd(${messages.searchVector}, ${query}, 32)
      else 0.5 * word_similarity(${searchText}, ${messages.content}) end`.mapWith(Number);
  const matches = {
    fullText: sql`${messages.searchVector} @@ ${query}`,
    nearMisses: sql`(${messages.searchVector} @@ ${query} or ${messages.content} %> ${searchText})`,
    sessionScan: sql`(ts_match_vq(${messages.searchVector}, ${query}) or word_similarity(${searchText}, ${messages.content}) >= ${Number(trigramThreshold)})`,
  };
  const candidates = (db: Queryable, mode: keyof typeof matches) =>
    db
      .select({ message: messages, sessionId: sessions.sessionId, score })
      .from(messages)
      .innerJoin(sessions, eq(sessions.id, messages.sessionPk))
      .where(
        and(
          isNull(messages.deletedAt),
          isNull(sessions.deletedAt),
          eq(sessions.sessionId, sessionId),
          matches[mode],
        ),
      )
      .orderBy(desc(score), desc(messages.createdAt), desc(messages.seq), desc(messages.id))
      .limit(searchLimit * 3);
  const fullText = session.messageCount > 200 ? await candidates(db, "fullText") : [];
  if (fullText.length === searchLimit * 3 && fullText.every((row) => row.score > 0.5)) return fullText;
  if (session.messageCount <= 5_000) return candidates(db, "sessionScan");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${trigramThreshold}, true)`);
    return candidates(tx, "nearMisses");
  });
}

const searchRest = (sessionId: string): HttpCall => ({
  method: "POST",
  path: restPath(sessionId, `search?limit=${searchLimit}`),
  body: { text: searchText },
});
const bareGetMemory: CallFactory = (n) => ({
  method: "GET",
  path: restPath(readSession(n), "memory?memoryType=message_window"),
});
const searchTrpc = (sessionId: string) =>
  trpcQuery("search.query", { sessionId, text: searchText, limit: searchLimit });

export const operations: Operation[] = [
  {
    key: "get_window",
    label: "get memory (message_window)",
    rest: (n) => ({ method: "GET", path: restPath(readSession(n), "memory?memoryType=message_window") }),
    trpc: (n) => trpcQuery("memory.get", { sessionId: readSession(n), memoryType: "message_window" }),
    reference: bareGetMemory,
    service: (db, n) => getMemory(db, readSession(n), { memoryType: "message_window" }),
    floor: (db, n) => floorMemory(db, readSession(n), window),
  },
  {
    key: "get_perpetual",
    label: "get memory (perpetual)",
    rest: (n) => ({ method: "GET", path: restPath(readSession(n), "memory?memoryType=perpetual") }),
    trpc: (n) => trpcQuery("memory.get", { sessionId: readSession(n), memoryType: "perpetual" }),
    service: (db, n) => getMemory(db, readSession(n), { memoryType: "perpetual" }),
    floor: (db, n) => floorMemory(db, readSession(n), undefined),
  },
  {
    key: "list",
    label: `list messages (${listLimit})`,
    rest: (n) => ({ method: "GET", path: restPath(readSession(n), `messages?limit=${listLimit}`) }),
    trpc: (n) => trpcQuery("messages.list", { sessionId: readSession(n), limit: listLimit }),
    bareGet: bareGetMemory,
    service: (db, n) => listMessages(db, readSession(n), { limit: listLimit, direction: "forward" }),
    floor: (db, n) => floorList(db, readSession(n)),
  },
  {
    key: "search",
    label: `search a session (${searchLimit} results)`,
    rest: (n) => searchRest(readSession(n)),
    trpc: (n) => searchTrpc(readSession(n)),
    bareGet: bareGetMemory,
    service: (db, n) => search(db, { sessionId: readSession(n), text: searchText, limit: searchLimit }),
    floor: (db, n) => floorSearch(db, readSession(n)),
  },
  // Last: the messages it adds keep the background worker busy for a while afterwards.
  {
    key: "add",
    label: "add memory (3 messages)",
    rest: (n) => ({ method: "POST", path: restPath(writeSession(n), "memory"), body: { messages: turn(n) } }),
    reference: (n) => ({
      method: "POST",
      path: restPath(writeSession(n), "memory"),
      body: { messages: turn(n) },
    }),
    trpc: (n) => trpcMutation("memory.add", { sessionId: writeSession(n), messages: turn(n) }),
    service: (db, n) => addMemory(db, writeSession(n), { messages: turn(n) }, actor),
    floor: (db, n) => floorAdd(db, writeSession(n), n),
  },
];

export interface ScalingOperation {
  label: string;
  rest: (sessionId: string) => CallFactory;
  trpc: (sessionId: string) => CallFactory;
  floor: (db: Db, sessionId: string) => Promise<unknown>;
}

/** Reads whose cost may grow with the session's length or the database's size. */
export const scalingOperations: ScalingOperation[] = [
  {
    label: "get memory (message_window)",
    rest: (sessionId) => () => ({
      method: "GET",
      path: restPath(sessionId, "memory?memoryType=message_window"),
    }),
    trpc: (sessionId) => () => trpcQuery("memory.get", { sessionId, memoryType: "message_window" }),
    floor: (db, sessionId) => floorMemory(db, sessionId, window),
  },
  {
    label: "get memory (perpetual)",
    rest: (sessionId) => () => ({ method: "GET", path: restPath(sessionId, "memory?memoryType=perpetual") }),
    trpc: (sessionId) => () => trpcQuery("memory.get", { sessionId, memoryType: "perpetual" }),
    floor: (db, sessionId) => floorMemory(db, sessionId, undefined),
  },
  {
    label: "search a session",
    rest: (sessionId) => () => searchRest(sessionId),
    trpc: (sessionId) => () => searchTrpc(sessionId),
    floor: floorSearch,
  },
];
