/**
 * The OpenAPI 3.1 document of Engram's Zep-compatible REST API, served at `GET /api/openapi.json`.
 * It is built from the route table and the same zod schemas the handlers and tRPC use.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import packageJson from "../package.json";
import { versionedPath, type ZepVersion, zepRoutes } from "./rest/routes";
import { errorBodySchema, okJson, okText, pathParamsSchema } from "./schemas/zepQueries";

const versions: ZepVersion[] = ["v1", "v2"];

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorBodySchema } },
});

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const version of versions) {
    for (const route of zepRoutes) {
      const path = `/api/${version}${versionedPath(route, version)}`;
      const params = pathParamsSchema(route.path);
      const operation: ZodOpenApiOperationObject = {
        operationId: `${version}_${route.method.toLowerCase()}_${route.path.replace(/[{}]/g, "").replace(/\W+/g, "_")}`,
        summary: route.summary,
        tags: [`${version} ${route.tag}`],
        security: [{ bearer: [] }, { apiKey: [] }],
        requestParams: {
          ...(params && { path: params }),
          ...(route.query && { query: route.query }),
        },
        ...(route.body && {
          requestBody: {
            required: true,
            content: { "application/json": { schema: route.body } },
          },
        }),
        responses: {
          [String(route.reply.status)]:
            "text" in route.reply
              ? {
                  description: 'Done: the text OK, or {"message":"OK"} to clients that send Api-Key',
                  content: { "text/plain": { schema: okText }, "application/json": { schema: okJson } },
                }
              : { description: "Success", content: { "application/json": { schema: route.reply.schema } } },
          "400": errorResponse("Invalid input"),
          "401": errorResponse("Missing, unknown or revoked API key"),
          ...(params && { "404": errorResponse("Unknown or deleted user, session or message") }),
          ...(route.body && { "413": errorResponse("Request body larger than ENGRAM_MAX_BODY_BYTES") }),
        },
      };
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
    }
  }
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Engram REST API (Zep-compatible)",
      version: packageJson.version,
      description:
        "Zep v0.x wire-compatible API. `/api/v1` serves Zep's v1 client (@getzep/zep-js 0.x), `/api/v2` the v2 " +
        "client (adds role_type and memoryType). `GET /healthz` needs no key and answers with `X-Zep-Version`.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An Engram API key" },
        apiKey: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "`Api-Key <Engram API key>`, as Zep CE 1.0's client sends it",
        },
      },
    },
    paths,
  });
  return cached;
}
