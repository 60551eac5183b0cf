import { expect } from "vitest";

/** A raw HTTP reply: status, text, and the body as JSON when it is JSON. */
export interface Reply {
  status: number;
  text: string;
  json: unknown;
}

/** Raw REST calls to a test server with its API key (Bearer unless the headers say otherwise). */
export function restCaller(server: { readonly url: string; readonly apiKey: string }) {
  const call = async (
    method: string,
    path: string,
    body?: string | Blob,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${server.apiKey}`, "Content-Type": "application/json", ...headers },
      body,
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
  return {
    call,
    post: (path: string, body: unknown) => call("POST", path, JSON.stringify(body)),
    patch: (path: string, body: unknown) => call("PATCH", path, JSON.stringify(body)),
  };
}

/** A 4xx (400 unless given) whose JSON message matches. */
export function rejected(reply: Reply, message: RegExp, status = 400) {
  expect(reply.status, reply.text).toBe(status);
  const body = reply.json as { message?: unknown };
  expect(typeof body?.message, reply.text).toBe("string");
  expect(body.message as string).toMatch(message);
}
