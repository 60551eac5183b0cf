import { describe, expect, it } from "vitest";
import { versionedPath, type ZepVersion, zepRoutes } from "@/server/rest/routes";
import { createEngramClient } from "@/server/trpc/client";
import { appRouter } from "@/server/trpc/root";
import { serverForTests } from "../support/server";

const server = serverForTests("rest_auth");

/** Sign-in and first-run procedures: they carry no data and work without a key. */
const signInProcedures = new Set([
  "accounts.status",
  "accounts.setup",
  "accounts.signIn",
  "accounts.signOut",
]);

const samplePath = (path: string) =>
  path
    .replace("{userId}", "some-user")
    .replace("{sessionId}", "some-session")
    .replace("{messageUuid}", "00000000-0000-4000-8000-000000000000");

function restRequests() {
  return (["v1", "v2"] as ZepVersion[]).flatMap((version) =>
    zepRoutes.map((route) => ({
      method: route.method,
      path: `/api/${version}${samplePath(versionedPath(route, version))}`,
      body: route.body
        ? JSON.stringify({ messages: [{ role: "a", content: "b" }], session_id: "x", user_id: "y" })
        : undefined,
    })),
  );
}

async function rest(method: string, path: string, authorization?: string, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(authorization && { Authorization: authorization }), "Content-Type": "application/json" },
    body,
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

async function trpc(path: string, type: string, authorization?: string) {
  const headers = {
    ...(authorization && { Authorization: authorization }),
    "Content-Type": "application/json",
  };
  const response =
    type === "query"
      ? await fetch(`${server.url}/api/trpc/${path}?input=${encodeURIComponent("{}")}`, { headers })
      : await fetch(`${server.url}/api/trpc/${path}`, { method: "POST", headers, body: "{}" });
  return response.status;
}

describe("API keys", () => {
  it("every REST route answers 401 without a key, with a wrong key, or with another scheme", async () => {
    const requests = restRequests();
    expect(requests.length).toBe(zepRoutes.length * 2);
    for (const { method, path, body } of requests) {
      for (const authorization of [
        undefined,
        "Bearer wrong-key-0123456789abcdef",
        `Basic ${server.apiKey}`,
      ]) {
        const reply = await rest(method, path, authorization, body);
        expect({ method, path, authorization, status: reply.status }).toEqual({
          method,
          path,
          authorization,
          status: 401,
        });
        expect(JSON.parse(reply.body).message).toMatch(/Bearer|API key/);
        expect(reply.headers.get("www-authenticate")).toBe("Bearer");
      }
    }
    // Nothing was written by any of those calls.
    const sessions = await rest("GET", "/api/v2/sessions", `Bearer ${server.apiKey}`);
    expect(JSON.parse(sessions.body)).toEqual([]);
    const users = await rest("GET", "/api/v2/users", `Bearer ${server.apiKey}`);
    expect(JSON.parse(users.body)).toEqual([]);
  });

  it("every tRPC data procedure answers 401 without a key or with a wrong key", async () => {
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    );
    expect(procedures.length).toBeGreaterThan(20);
    for (const [path, procedure] of procedures) {
      if (signInProcedures.has(path)) continue;
      for (const authorization of [undefined, "Bearer wrong-key-0123456789abcdef"]) {
        const status = await trpc(path, procedure._def.type, authorization);
        expect({ path, authorization, status }).toEqual({ path, authorization, status: 401 });
      }
    }
  });

  it("healthz stays open", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-zep-version")).toBe("0.27.2");
  });

  it("a key created through tRPC works on REST and tRPC until it is revoked", async () => {
    const admin = createEngramClient({ url: server.url, apiKey: server.apiKey });
    const { key, apiKey } = await admin.apiKeys.create.mutate({ name: "chat app" });
    expect(key).toMatch(/^engram_/);

    const created = await rest(
      "POST",
      "/api/v1/sessions/keyed/memory",
      `Bearer ${key}`,
      JSON.stringify({ messages: [{ role: "user", content: "hello with a database key" }] }),
    );
    expect(created.status).toBe(200);
    const app = createEngramClient({ url: server.url, apiKey: key });
    const memory = await app.memory.get.query({ sessionId: "keyed" });
    expect(memory.messages.map((m) => m.content)).toEqual(["hello with a database key"]);
    // An application key may use data, not manage keys.
    await expect(app.apiKeys.list.query()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });

    const listed = await admin.apiKeys.list.query();
    expect(listed.find((k) => k.uuid === apiKey.uuid)?.last_used_at).not.toBeNull();

    await admin.apiKeys.revoke.mutate({ uuid: apiKey.uuid });
    expect((await rest("GET", "/api/v2/sessions/keyed", `Bearer ${key}`)).status).toBe(401);
    expect(await trpc("sessions.get", "query", `Bearer ${key}`)).toBe(401);
    await expect(app.memory.get.query({ sessionId: "keyed" })).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    expect((await rest("GET", "/api/v2/sessions/keyed", `Bearer ${server.apiKey}`)).status).toBe(200);
  });

  it("REST ignores the dashboard's sign-in cookie", async () => {
    const reply = await rest("GET", "/api/v1/sessions", undefined);
    expect(reply.status).toBe(401);
    const withCookie = await fetch(`${server.url}/api/v1/sessions`, {
      headers: { Cookie: "engram_session=anything", "x-engram-csrf": "1" },
    });
    expect(withCookie.status).toBe(401);
  });
});
