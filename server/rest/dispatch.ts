import type { IncomingMessage, ServerResponse } from "node:http";
import { API_KEY_REQUIRED, type ApiKeyScheme, actorOf, presentedKey } from "../auth";
import { config } from "../config";
import { db } from "../db";
import { withinRequestDeadline } from "../deadline";
import { AppError } from "../errors";
import { pathParams } from "../schemas/zepQueries";
import { authenticateApiKey } from "../services/apiKeys";
import {
  errorReply,
  jsonReply,
  type Reply,
  readJsonBody,
  readJsonObject,
  replyForError,
  send,
  textReply,
} from "./http";
import { unsupportedPaths, versionedPath, type ZepRoute, type ZepVersion, zepRoutes } from "./routes";

/** A route's path split once: literal segments, and `{name}` parameters as their name. */
interface CompiledRoute {
  route: ZepRoute;
  parts: { literal?: string; param?: string }[];
}

const compiledRoutes = new Map<ZepVersion, CompiledRoute[]>();

function routesOf(version: ZepVersion): CompiledRoute[] {
  let compiled = compiledRoutes.get(version);
  if (!compiled) {
    compiled = zepRoutes.map((route) => ({
      route,
      parts: versionedPath(route, version)
        .split("/")
        .slice(1)
        .map((part) => (part.startsWith("{") ? { param: part.slice(1, -1) } : { literal: part })),
    }));
    // A literal segment wins over a parameter in the same place (`documents/batchUpdate` before
    // `documents/{documentUuid}`), whatever the order of the table.
    compiled.sort((a, b) => {
      for (let index = 0; index < Math.min(a.parts.length, b.parts.length); index++) {
        const rank =
          Number(a.parts[index]!.param !== undefined) - Number(b.parts[index]!.param !== undefined);
        if (rank !== 0) return rank;
      }
      return 0;
    });
    compiledRoutes.set(version, compiled);
  }
  return compiled;
}

/** A `%` that does not start an escape (Zep's clients leave `%` in ids as is) stands for itself. */
export function escapeStrayPercents(path: string): string {
  return path.includes("%") ? path.replace(/%(?![0-9A-Fa-f]{2})/g, "%25") : path;
}

/** A segment as the client wrote it, percent-decoded (a segment that does not decode stays as is). */
function decodeSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchPath(parts: CompiledRoute["parts"], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const segment = segments[index]!;
    if (part.param !== undefined) {
      if (segment === "") return undefined;
      params[part.param] = decodeSegment(segment);
    } else if (part.literal !== segment) {
      return undefined;
    }
  }
  return params;
}

/** The methods a path answers to, for `Allow` (HEAD and OPTIONS come with every path). */
function allowedMethods(version: ZepVersion, segments: string[]): string[] {
  const methods: string[] = routesOf(version)
    .filter(({ parts }) => matchPath(parts, segments))
    .map(({ route }) => route.method);
  if (methods.length === 0) return [];
  if (methods.includes("GET")) methods.push("HEAD");
  return [...methods, "OPTIONS"];
}

/** REST accepts only an API key (no cookies), on every route. */
async function requireApiKey(authorization: string | undefined) {
  const presented = presentedKey(authorization);
  const principal = presented && (await authenticateApiKey(await db(), presented.key));
  if (!principal) throw new AppError("UNAUTHORIZED", API_KEY_REQUIRED);
  return { principal, scheme: presented!.scheme };
}

/** Zep's plain-text "OK": JSON for Zep CE 1.0's client (it sends Api-Key and parses every body). */
function okReply(text: string, status: number, scheme: ApiKeyScheme) {
  return scheme === "Api-Key" ? jsonReply({ message: text }, status) : textReply(text, status);
}

/**
 * Serves one request of Zep's REST API under `/api/{version}`; `rest` is the path after the
 * version, as sent, and `search` the query string without its `?`.
 */
export async function handleZepRequest(
  req: IncomingMessage,
  res: ServerResponse,
  version: ZepVersion,
  rest: string,
  search: string,
): Promise<void> {
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  const where = `REST ${req.method} /api/${version}`;
  const segments = escapeStrayPercents(rest).split("/").slice(1);
  if (req.method === "OPTIONS") {
    const allowed = allowedMethods(version, segments);
    if (allowed.length === 0) {
      send(res, errorReply(404, "NOT_FOUND", `no such route: /api/${version}${rest}`));
    } else {
      res.writeHead(204, { Allow: allowed.join(", ") }).end();
    }
    return;
  }
  const reply = await withinRequestDeadline(() =>
    zepReply(req, version, method, rest, segments, search),
  ).catch((error: unknown) => replyForError(error, where));
  send(res, reply);
}

/** The reply to one API request whose method is not OPTIONS. */
async function zepReply(
  req: IncomingMessage,
  version: ZepVersion,
  method: string,
  rest: string,
  segments: string[],
  search: string,
): Promise<Reply> {
  const { principal, scheme } = await requireApiKey(req.headers.authorization);

  let found: { route: ZepRoute; params: Record<string, string> } | undefined;
  let pathMatched = false;
  for (const { route, parts } of routesOf(version)) {
    const params = matchPath(parts, segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) {
      found = { route, params };
      break;
    }
  }
  if (!found) {
    if (pathMatched) {
      const allowed = allowedMethods(version, segments).join(", ");
      return errorReply(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed here`, { Allow: allowed });
    }
    const unsupported = unsupportedPaths.find(({ pattern }) => pattern.test(rest));
    if (unsupported) {
      return errorReply(501, "NOT_IMPLEMENTED", `Engram does not offer Zep Cloud's ${unsupported.feature}`);
    }
    return errorReply(404, "NOT_FOUND", `no such route: ${req.method} /api/${version}${rest}`);
  }

  const started = performance.now();
  const { route, params } = found;
  for (const name in params) params[name] = pathParams[name]!.parse(params[name]);
  const result = await route.handle({
    db: await db(),
    actor: actorOf(principal),
    params,
    query: search ? Object.fromEntries(new URLSearchParams(search)) : {},
    body: () => readJsonObject(req, config().ENGRAM_MAX_BODY_BYTES),
    json: () => readJsonBody(req, config().ENGRAM_MAX_BODY_BYTES),
  });
  const reply =
    "text" in route.reply
      ? okReply(route.reply.text, route.reply.status, scheme)
      : jsonReply(result, route.reply.status);
  // How long Engram itself took (validation, database, shaping), for clients and benchmarks.
  reply.headers["Server-Timing"] = `app;dur=${(performance.now() - started).toFixed(2)}`;
  return reply;
}
