// Types only: the route table holds schemas from server/schemas.
import type { z } from "zod";
import type { Db } from "@/db/client";
import { enrichmentStatusSchema } from "../schemas/enrichment";
import {
  addFactInput,
  factResponseSchema,
  factsResponseSchema,
  type ListFactsOptions,
  listFactsOptions,
} from "../schemas/facts";
import { addMemoryInput, memorySchema } from "../schemas/memory";
import { messagePageSchema, messageSchema, updateMessageInput } from "../schemas/messages";
import {
  searchPayloadSchema,
  searchResultsSchema,
  sessionScopedSearchInput,
  sessionSearchBody,
  sessionSearchInput,
  sessionSearchResponseSchema,
} from "../schemas/search";
import {
  createSessionInput,
  sessionListSchema,
  sessionSchema,
  sessionsSchema,
  updateSessionInput,
} from "../schemas/sessions";
import {
  createUserInput,
  listUsersOrderedInput,
  updateUserInput,
  userListSchema,
  userSchema,
  usersSchema,
} from "../schemas/users";
import {
  factListQuery,
  keysetPageQuery,
  memoryQuery,
  messagePageQuery,
  okText,
  searchQuery,
  sessionsOrderedQuery,
  usersOrderedQuery,
} from "../schemas/zepQueries";
import * as enrichment from "../services/enrichment";
import * as facts from "../services/facts";
import * as memory from "../services/memory";
import * as messages from "../services/messages";
import type { Actor } from "../services/metadata";
import * as search from "../services/search";
import * as sessionSearch from "../services/sessionSearch";
import * as sessions from "../services/sessions";
import * as users from "../services/users";
import { collectionRoutes } from "./collectionRoutes";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
export type ZepVersion = "v1" | "v2";

export interface RouteContext {
  db: Db;
  actor: Actor;
  /** Path parameters, decoded and validated. */
  params: Record<string, string>;
  /** The query string as an object (the last value wins). */
  query: Record<string, string>;
  /** The JSON body (any Content-Type), parsed, within the size limit. */
  body(): Promise<Record<string, unknown>>;
  /** The same for bodies that may be any JSON value (document batches are arrays). */
  json(): Promise<unknown>;
}

export interface ZepRoute {
  method: Method;
  /** OpenAPI-style path; `/users` is `/user` under v1, as Zep's v1 client calls it. */
  path: string;
  summary: string;
  tag:
    | "users"
    | "sessions"
    | "memory"
    | "messages"
    | "search"
    | "enrichment"
    | "facts"
    | "collections"
    | "documents";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A JSON reply with this status and shape, or Zep's plain-text "OK". */
  reply: { status: 200 | 201; schema: z.ZodType } | { status: 200; text: "OK" };
  handle(context: RouteContext): Promise<unknown>;
}

const ok = { status: 200, text: "OK" } as const;

export const zepRoutes: ZepRoute[] = [
  ...collectionRoutes,
  {
    method: "POST",
    path: "/users",
    summary: "Create a user (400 if the user_id exists)",
    tag: "users",
    body: createUserInput,
    reply: { status: 201, schema: userSchema },
    handle: async ({ db, actor, body }) => users.createUser(db, createUserInput.parse(await body()), actor),
  },
  {
    method: "GET",
    path: "/users",
    summary: "List users in creation order; cursor is the id of the last user of the previous page",
    tag: "users",
    query: keysetPageQuery,
    reply: { status: 200, schema: usersSchema },
    handle: ({ db, query }) => users.listUsers(db, keysetPageQuery.parse(query)),
  },
  {
    method: "GET",
    path: "/users/{userId}",
    summary: "Get a user",
    tag: "users",
    reply: { status: 200, schema: userSchema },
    handle: ({ db, params }) => users.getUser(db, params.userId!),
  },
  {
    method: "PATCH",
    path: "/users/{userId}",
    summary: "Update a user; metadata is deep-merged",
    tag: "users",
    body: updateUserInput,
    reply: { status: 200, schema: userSchema },
    handle: async ({ db, actor, params, body }) =>
      users.updateUser(db, params.userId!, updateUserInput.parse(await body()), actor),
  },
  {
    method: "DELETE",
    path: "/users/{userId}",
    summary: "Delete a user with all of their sessions",
    tag: "users",
    reply: ok,
    handle: ({ db, params }) => users.deleteUser(db, params.userId!),
  },
  {
    method: "GET",
    path: "/users/{userId}/sessions",
    summary: "A user's sessions",
    tag: "users",
    reply: { status: 200, schema: sessionsSchema },
    handle: ({ db, params }) => users.listUserSessions(db, params.userId!),
  },
  {
    method: "POST",
    path: "/sessions",
    summary: "Create a session (400 if it exists or its user does not)",
    tag: "sessions",
    body: createSessionInput,
    reply: { status: 201, schema: sessionSchema },
    handle: async ({ db, actor, body }) =>
      sessions.createSession(db, createSessionInput.parse(await body()), actor),
  },
  {
    method: "GET",
    path: "/sessions",
    summary: "List sessions in creation order; cursor is the id of the last session of the previous page",
    tag: "sessions",
    query: keysetPageQuery,
    reply: { status: 200, schema: sessionsSchema },
    handle: ({ db, query }) => sessions.listSessions(db, keysetPageQuery.parse(query)),
  },
  {
    method: "GET",
    path: "/sessions/{sessionId}",
    summary: "Get a session",
    tag: "sessions",
    reply: { status: 200, schema: sessionSchema },
    handle: ({ db, params }) => sessions.getSession(db, params.sessionId!),
  },
  {
    method: "PATCH",
    path: "/sessions/{sessionId}",
    summary: "Update a session; metadata is deep-merged",
    tag: "sessions",
    body: updateSessionInput,
    reply: { status: 200, schema: sessionSchema },
    handle: async ({ db, actor, params, body }) =>
      sessions.updateSession(db, params.sessionId!, updateSessionInput.parse(await body()), actor),
  },
  {
    method: "DELETE",
    path: "/sessions/{sessionId}",
    summary: "Delete a session with its messages and summaries",
    tag: "sessions",
    reply: ok,
    handle: ({ db, params }) => sessions.deleteSession(db, params.sessionId!),
  },
  {
    method: "GET",
    path: "/sessions/{sessionId}/memory",
    summary: "The memory for the next prompt: recent messages and the latest summary",
    tag: "memory",
    query: memoryQuery,
    reply: { status: 200, schema: memorySchema },
    handle: ({ db, params, query }) => {
      const options = memoryQuery.parse(query);
      return memory.getMemory(db, params.sessionId!, {
        lastn: options.lastn,
        memoryType: options.memoryType ?? options.memory_type,
        maxTokens: options.max_tokens,
        includeContext: options.include_context,
        minRating: options.minRating ?? options.min_rating,
      });
    },
  },
  {
    method: "POST",
    path: "/sessions/{sessionId}/memory",
    summary: "Add messages; creates the session, or revives a deleted one, as needed",
    tag: "memory",
    body: addMemoryInput,
    reply: ok,
    handle: async ({ db, actor, params, body }) =>
      memory.addMemory(db, params.sessionId!, addMemoryInput.parse(await body()), actor),
  },
  {
    method: "DELETE",
    path: "/sessions/{sessionId}/memory",
    summary: "Delete a session's memory (the session with its messages and summaries)",
    tag: "memory",
    reply: ok,
    handle: ({ db, params }) => memory.deleteMemory(db, params.sessionId!),
  },
  {
    method: "GET",
    path: "/sessions/{sessionId}/messages",
    summary: "A page of a session's messages, oldest first; cursor is a 1-based page number",
    tag: "messages",
    query: messagePageQuery,
    reply: { status: 200, schema: messagePageSchema },
    handle: ({ db, params, query }) => {
      const page = messagePageQuery.parse(query);
      return messages.listMessagePage(db, params.sessionId!, { limit: page.limit, page: page.cursor });
    },
  },
  {
    method: "GET",
    path: "/sessions/{sessionId}/messages/{messageUuid}",
    summary: "Get a message",
    tag: "messages",
    reply: { status: 200, schema: messageSchema },
    handle: ({ db, params }) => messages.getMessage(db, params.sessionId!, params.messageUuid!),
  },
  {
    method: "PATCH",
    path: "/sessions/{sessionId}/messages/{messageUuid}",
    summary: "Merge metadata into a message (the body is JSON whatever its Content-Type)",
    tag: "messages",
    body: updateMessageInput,
    reply: { status: 200, schema: messageSchema },
    handle: async ({ db, actor, params, body }) =>
      messages.updateMessage(
        db,
        params.sessionId!,
        params.messageUuid!,
        updateMessageInput.parse(await body()),
        actor,
      ),
  },
  {
    method: "DELETE",
    path: "/sessions/{sessionId}/messages/{messageUuid}",
    summary: "Delete a message (Engram's own); facts it was the only source of stop being valid",
    tag: "messages",
    reply: ok,
    handle: ({ db, actor, params }) =>
      messages.deleteMessage(db, params.sessionId!, params.messageUuid!, actor),
  },
  {
    method: "POST",
    path: "/sessions/{sessionId}/search",
    summary: "Search a session's messages or summaries (full-text, trigram near misses, metadata filter)",
    tag: "search",
    query: searchQuery,
    body: searchPayloadSchema,
    reply: { status: 200, schema: searchResultsSchema },
    handle: async ({ db, params, query, body }) => {
      const { limit } = searchQuery.parse(query);
      const input = { ...(await body()), sessionId: params.sessionId!, limit };
      return search.searchJson(db, sessionScopedSearchInput.parse(input));
    },
  },
  {
    method: "GET",
    path: "/users-ordered",
    summary: "A numbered page of users in creation order, with the total (Zep CE)",
    tag: "users",
    query: usersOrderedQuery,
    reply: { status: 200, schema: userListSchema },
    handle: ({ db, query }) => {
      const page = usersOrderedQuery.parse(query);
      // Zep CE's client and its API name the page differently: either, then the defaults.
      return users.listUsersOrdered(
        db,
        listUsersOrderedInput.parse({
          page_number: page.pageNumber ?? page.page_number,
          page_size: page.pageSize ?? page.page_size,
        }),
      );
    },
  },
  {
    method: "GET",
    path: "/sessions-ordered",
    summary: "A numbered page of sessions ordered by created_at, updated_at, user_id or session_id (Zep CE)",
    tag: "sessions",
    query: sessionsOrderedQuery,
    reply: { status: 200, schema: sessionListSchema },
    handle: ({ db, query }) => sessions.listSessionsOrdered(db, sessionsOrderedQuery.parse(query)),
  },
  {
    method: "POST",
    path: "/sessions/search",
    summary:
      "Search messages or summaries across sessions: by session_ids, by user_id, or everywhere (Zep CE)",
    tag: "search",
    query: searchQuery,
    body: sessionSearchBody,
    reply: { status: 200, schema: sessionSearchResponseSchema },
    handle: async ({ db, query, body }) => {
      const { limit } = searchQuery.parse(query);
      return sessionSearch.searchSessions(db, sessionSearchInput.parse({ ...(await body()), limit }));
    },
  },
  {
    method: "GET",
    path: "/sessions/{sessionId}/enrichment",
    summary:
      "A session's background work (Engram's own): up to date, pending, or failing with the last error",
    tag: "enrichment",
    reply: { status: 200, schema: enrichmentStatusSchema },
    handle: ({ db, params }) => enrichment.getEnrichmentStatus(db, params.sessionId!),
  },
  ...factRoutes(),
];

function factListOptions(query: Record<string, string>): ListFactsOptions {
  const options = factListQuery.parse(query);
  // Zep's names as the service's options, then the defaults.
  return listFactsOptions.parse({
    asOf: options.as_of,
    minRating: options.minRating ?? options.min_rating,
    includeInvalid: options.include_invalid,
    limit: options.limit,
  });
}

/** Zep CE's fact routes, plus adding a fact by hand. */
function factRoutes(): ZepRoute[] {
  // zep-js 2.0.2 reads this reply as a JSON string.
  const jsonOk = { status: 200, schema: okText } as const;
  return [
    {
      method: "GET",
      path: "/sessions/{sessionId}/facts",
      summary:
        "The session's facts (its user's when it has one): valid now, at as_of, or with include_invalid the history",
      tag: "facts",
      query: factListQuery,
      reply: { status: 200, schema: factsResponseSchema },
      handle: async ({ db, params, query }) => ({
        facts: await facts.listSessionFacts(db, params.sessionId!, factListOptions(query)),
      }),
    },
    {
      method: "POST",
      path: "/sessions/{sessionId}/facts",
      summary:
        "Add a fact by hand (to the session's user when it has one); the same valid fact is restated, not duplicated",
      tag: "facts",
      body: addFactInput,
      reply: { status: 201, schema: factResponseSchema },
      handle: async ({ db, actor, params, body }) => ({
        fact: await facts.addFact(
          db,
          { sessionId: params.sessionId! },
          addFactInput.parse(await body()),
          actor,
        ),
      }),
    },
    {
      method: "GET",
      path: "/users/{userId}/facts",
      summary: "A user's facts: valid now, at as_of, or with include_invalid the history",
      tag: "facts",
      query: factListQuery,
      reply: { status: 200, schema: factsResponseSchema },
      handle: async ({ db, params, query }) => ({
        facts: await facts.listUserFacts(db, params.userId!, factListOptions(query)),
      }),
    },
    {
      method: "POST",
      path: "/users/{userId}/facts",
      summary: "Add a fact about a user by hand; the same valid fact is restated, not duplicated",
      tag: "facts",
      body: addFactInput,
      reply: { status: 201, schema: factResponseSchema },
      handle: async ({ db, actor, params, body }) => ({
        fact: await facts.addFact(db, { userId: params.userId! }, addFactInput.parse(await body()), actor),
      }),
    },
    {
      method: "GET",
      path: "/facts/{factUuid}",
      summary: "Get a fact (valid or not)",
      tag: "facts",
      reply: { status: 200, schema: factResponseSchema },
      handle: async ({ db, params }) => ({ fact: await facts.getFact(db, params.factUuid!) }),
    },
    {
      method: "DELETE",
      path: "/facts/{factUuid}",
      summary: "Delete a fact: gone from every answer (its audit trail stays)",
      tag: "facts",
      reply: jsonOk,
      handle: async ({ db, actor, params }) => {
        await facts.deleteFact(db, params.factUuid!, actor);
        return "OK";
      },
    },
  ];
}

/** Zep Cloud features the v2 client has, which a self-hosted Zep never served. */
export const unsupportedPaths: { pattern: RegExp; feature: string }[] = [
  { pattern: /^\/sessions\/[^/]+\/synthesize_question$/, feature: "question synthesis" },
  { pattern: /^\/sessions\/[^/]+\/classify$/, feature: "session classification" },
];

/**
 * The path a route has under a version: Zep's v1 client calls the users resource `/user`, the
 * collections resource `/collection` and a collection's documents `/document`.
 */
export function versionedPath(route: ZepRoute, version: ZepVersion): string {
  if (version === "v2") return route.path;
  return route.path
    .replace(/^\/users(?=\/|$)/, "/user")
    .replace(/^\/collections(?=\/|$)/, "/collection")
    .replace(/\/documents(?=\/|$)/, "/document");
}
