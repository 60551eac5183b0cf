import { config } from "../config";
import { db } from "../db";
import { AppError } from "../errors";
import { authenticateApiKey } from "../services/apiKeys";
import { actorOf, bearerToken } from "../trpc/init";
import { errorReply, jsonReply, readJsonBody, readJsonObject, replyForError, textReply } from "./http";
import {
  pathParams,
  unsupportedPaths,
  versionedPath,
  type ZepRoute,
  type ZepVersion,
  zepRoutes,
} from "./routes";

interface Match {
  route: ZepRoute;
  params: Record<string, string>;
}

/** Segments as the client wrote them, percent-decoded (a segment that does not decode stays as is). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchPath(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split("/").slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index]!;
    if (part.startsWith("{")) {
      if (segment === "") return undefined;
      params[part.slice(1, -1)] = decodeSegment(segment);
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

/** REST accepts only `Authorization: Bearer <API key>` (no cookies), on every route. */
async function requireApiKey(request: Request) {
  const token = bearerToken(request.headers);
  if (!token) throw new AppError("UNAUTHORIZED", "send Authorization: Bearer <API key>");
  const principal = await authenticateApiKey(await db(), token);
  if (!principal) throw new AppError("UNAUTHORIZED", "the API key is unknown or revoked");
  return principal;
}

/** Zep CE / Cloud clients (`Api-Key` auth) validate `{"message":"OK"}`; Zep v0.x clients read the text `OK`. */
function okReply(request: Request, status: 200): Response {
  const apiKeyScheme = /^Api-Key\s/i.test(request.headers.get("authorization") ?? "");
  return apiKeyScheme ? jsonReply({ message: "OK" }, status) : textReply("OK", status);
}

/** Serves one request of Zep's REST API under `/api/{version}`. */
export async function handleZepRequest(request: Request, version: ZepVersion): Promise<Response> {
  const pathname = new URL(request.url).pathname;
  const rest = pathname.slice(`/api/${version}`.length);
  const where = `${request.method} /api/${version}`;
  try {
    const principal = await requireApiKey(request);

    const segments = rest.split("/").slice(1);
    let found: Match | undefined;
    const allowed = new Set<string>();
    for (const route of zepRoutes) {
      const params = matchPath(versionedPath(route, version), segments);
      if (!params) continue;
      allowed.add(route.method);
      if (route.method === request.method) found = { route, params };
    }
    if (!found) {
      if (allowed.size > 0) {
        return errorReply(405, "METHOD_NOT_ALLOWED", `${request.method} is not allowed here`, {
          Allow: [...allowed].join(", "),
        });
      }
      const unsupported = unsupportedPaths.find(({ pattern }) => pattern.test(rest));
      if (unsupported) {
        return errorReply(501, "NOT_IMPLEMENTED", `Engram does not offer Zep Cloud's ${unsupported.feature}`);
      }
      return errorReply(404, "NOT_FOUND", `no such route: ${request.method} ${pathname}`);
    }

    const started = performance.now();
    const { route, params } = found;
    for (const [name, value] of Object.entries(params)) params[name] = pathParams[name]!.parse(value);
    const result = await route.handle({
      db: await db(),
      actor: actorOf(principal),
      params,
      query: Object.fromEntries(new URL(request.url).searchParams),
      body: () => readJsonObject(request, config().ENGRAM_MAX_BODY_BYTES),
      json: () => readJsonBody(request, config().ENGRAM_MAX_BODY_BYTES),
    });
    const response =
      "text" in route.reply ? okReply(request, route.reply.status) : jsonReply(result, route.reply.status);
    // How long Engram itself took (validation, database, shaping), for clients and benchmarks.
    response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
    return response;
  } catch (error) {
    return replyForError(error, where);
  }
}

/** The route handlers for one version, for `app/api/{version}/[...path]/route.ts`. */
export function zepHandlers(version: ZepVersion) {
  const handler = (request: Request) => handleZepRequest(request, version);
  return { GET: handler, POST: handler, PATCH: handler, DELETE: handler, PUT: handler };
}
