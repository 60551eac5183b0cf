import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/server/openapi";
import { serverForTests, startServer } from "../support/server";

const server = serverForTests("door");

async function call(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
) {
  const response = await fetch(`${server.url}${path}`, { method, headers: init.headers, body: init.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

const bearer = () => ({ Authorization: `Bearer ${server.apiKey}` });
const apiKey = () => ({ Authorization: `Api-Key ${server.apiKey}` });
const addBody = JSON.stringify({ messages: [{ role: "user", role_type: "user", content: "hello door" }] });

function expectJsonError(reply: { status: number; headers: Headers; text: string }, status: number) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(reply.text) as { message: string; code: string };
  expect(body.message).toEqual(expect.any(String));
  expect(body.code).toEqual(expect.any(String));
  return body;
}

describe("the door", () => {
  it("serves the API itself and pages through Next", async () => {
    const health = await call("GET", "/healthz");
    expect(health.status).toBe(200);
    expect(health.text).toBe(".");
    expect(health.headers.get("x-zep-version")).toBe("0.27.2");

    const ready = await call("GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      ready: true,
      database: "ok",
      migrations: "applied",
      vector_search: expect.stringMatching(/^(pgvector|exact)$/),
    });

    const page = await call("GET", "/sign-in");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("<html");

    const openapi = await call("GET", "/api/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(openapi.text)).toEqual(JSON.parse(JSON.stringify(openApiDocument())));

    const sessions = await call("GET", "/api/v2/sessions", { headers: bearer() });
    expect(sessions.status).toBe(200);
    expect(sessions.headers.get("server-timing")).toMatch(/^app;dur=\d+(\.\d+)?$/);
  });

  it("takes the key as Bearer or Api-Key on v1, v2 and tRPC, and answers one 401 otherwise", async () => {
    for (const headers of [bearer(), apiKey(), { Authorization: `api-key ${server.apiKey}` }]) {
      expect((await call("GET", "/api/v1/sessions", { headers })).status).toBe(200);
      expect((await call("GET", "/api/v2/sessions", { headers })).status).toBe(200);
      const input = encodeURIComponent(JSON.stringify({}));
      expect((await call("GET", `/api/trpc/sessions.list?input=${input}`, { headers })).status).toBe(200);
    }
    const unauthorized = [];
    for (const authorization of [
      undefined,
      "Bearer wrong-key-0123456789abcdef",
      "Api-Key wrong-key-0123456789abcdef",
      `Basic ${server.apiKey}`,
      `Api-Key`,
    ]) {
      const reply = await call("GET", "/api/v2/sessions", {
        headers: authorization ? { Authorization: authorization } : {},
      });
      unauthorized.push({
        status: reply.status,
        body: reply.text,
        challenge: reply.headers.get("www-authenticate"),
      });
      const trpc = await call("GET", "/api/trpc/sessions.list", {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(trpc.status).toBe(401);
    }
    expect(new Set(unauthorized.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(unauthorized[0]!.status).toBe(401);
    expect(JSON.parse(unauthorized[0]!.body)).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers Zep's OK as JSON to Api-Key clients and as text to Bearer clients", async () => {
    const json = await call("POST", "/api/v2/sessions/ok-json/memory", { headers: apiKey(), body: addBody });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(json.text)).toEqual({ message: "OK" });

    const text = await call("POST", "/api/v2/sessions/ok-text/memory", { headers: bearer(), body: addBody });
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text.text).toBe("OK");

    for (const [path, headers] of [
      ["/api/v2/sessions/ok-json/memory", apiKey()],
      ["/api/v2/sessions/ok-text", apiKey()],
    ] as const) {
      const deleted = await call("DELETE", path, { headers });
      expect(deleted.status).toBe(200);
      expect(JSON.parse(deleted.text)).toEqual({ message: "OK" });
    }
    const deleted = await call("DELETE", "/api/v1/sessions/ok-text/memory", { headers: bearer() });
    expect([deleted.status, deleted.text]).toEqual([404, expect.stringContaining("NOT_FOUND")]);
  });

  it("reads a stray % in a path as itself, and %25 as the same id", async () => {
    const stored = await call("POST", "/api/v2/sessions/100%-real/memory", {
      headers: bearer(),
      body: addBody,
    });
    expect(stored.status, stored.text).toBe(200);
    for (const path of ["/api/v2/sessions/100%25-real", "/api/v1/sessions/100%-real"]) {
      const session = await call("GET", path, { headers: bearer() });
      expect(session.status, session.text).toBe(200);
      expect(JSON.parse(session.text).session_id).toBe("100%-real");
    }
    const mixed = await call("POST", "/api/v2/sessions/a%20b%/memory", { headers: bearer(), body: addBody });
    expect(mixed.status, mixed.text).toBe(200);
    const session = await call("GET", "/api/v2/sessions/a%20b%25", { headers: bearer() });
    expect(JSON.parse(session.text).session_id).toBe("a b%");
  });

  it("refuses a body over the limit with 413 JSON and stores nothing", async () => {
    const huge = JSON.stringify({ messages: [{ role: "a", content: "x".repeat(5 * 1024 * 1024 + 10) }] });
    const reply = await call("POST", "/api/v2/sessions/huge/memory", { headers: bearer(), body: huge });
    expect(expectJsonError(reply, 413).message).toMatch(/larger than the 5242880-byte limit/);
    expect((await call("GET", "/api/v2/sessions/huge", { headers: bearer() })).status).toBe(404);
    // The connection that carried it still serves the next request.
    expect((await call("GET", "/healthz")).status).toBe(200);
  });

  it("answers HEAD like GET without a body, and OPTIONS with what a path allows", async () => {
    const head = await call("HEAD", "/healthz");
    expect([head.status, head.text, head.headers.get("x-zep-version")]).toEqual([200, "", "0.27.2"]);
    await call("POST", "/api/v2/sessions/headed/memory", { headers: bearer(), body: addBody });
    const get = await call("GET", "/api/v2/sessions/headed/memory", { headers: bearer() });
    const headMemory = await call("HEAD", "/api/v2/sessions/headed/memory", { headers: bearer() });
    expect(headMemory.status).toBe(200);
    expect(headMemory.text).toBe("");
    expect(headMemory.headers.get("content-length")).toBe(String(Buffer.byteLength(get.text)));

    const options = await call("OPTIONS", "/api/v2/sessions/headed/memory");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")?.split(", ").sort()).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "POST",
    ]);
    const healthOptions = await call("OPTIONS", "/healthz");
    expect([healthOptions.status, healthOptions.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS"]);
  });

  it("answers every API error as JSON", async () => {
    expectJsonError(await call("GET", "/api/nothing-here"), 404);
    expectJsonError(await call("GET", "/api/v2/no/such/route", { headers: bearer() }), 404);
    expectJsonError(await call("GET", "/api/v1", { headers: bearer() }), 404);
    const notAllowed = await call("PUT", "/api/v2/sessions/x/memory", { headers: bearer(), body: "{}" });
    expectJsonError(notAllowed, 405);
    expect(notAllowed.headers.get("allow")).toContain("GET");
    expectJsonError(
      await call("POST", "/api/v2/sessions/x/classify", { headers: bearer(), body: "{}" }),
      501,
    );
    expectJsonError(await call("POST", "/api/v2/sessions", { headers: bearer(), body: "{not json" }), 400);
    expectJsonError(await call("POST", "/healthz"), 405);
    expectJsonError(await call("DELETE", "/api/openapi.json"), 405);
  });

  it("counts the sign-in cookie only with the CSRF header", async () => {
    const csrf = { "x-engram-csrf": "1", "Content-Type": "application/json" };
    const credentials = { name: "Door Admin", email: "door@engram.test", password: "door-password-123" };
    const noHeader = await call("POST", "/api/trpc/accounts.setup", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(credentials),
    });
    expect(noHeader.status).toBe(403);
    const setup = await call("POST", "/api/trpc/accounts.setup", {
      headers: csrf,
      body: JSON.stringify(credentials),
    });
    expect(setup.status, setup.text).toBe(200);
    const cookie = setup.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^engram_session=/);

    const mutation = {
      body: JSON.stringify({ session_id: "made-by-cookie" }),
      path: "/api/trpc/sessions.create",
    };
    const withoutCsrf = await call("POST", mutation.path, {
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: mutation.body,
    });
    expect(withoutCsrf.status).toBe(401);
    expect((await call("GET", "/api/v2/sessions/made-by-cookie", { headers: bearer() })).status).toBe(404);
    const withCsrf = await call("POST", mutation.path, {
      headers: { ...csrf, Cookie: cookie },
      body: mutation.body,
    });
    expect(withCsrf.status, withCsrf.text).toBe(200);
    expect((await call("GET", "/api/v2/sessions/made-by-cookie", { headers: bearer() })).status).toBe(200);
    // REST never takes the cookie.
    expect((await call("GET", "/api/v2/sessions", { headers: { ...csrf, Cookie: cookie } })).status).toBe(
      401,
    );
  });
});

describe("stopping", () => {
  it("finishes a request in flight on SIGTERM, refuses new ones, and exits 0", async () => {
    const stopping = await startServer("door_stop");
    const { port } = new URL(stopping.url);
    const body = JSON.stringify({ messages: [{ role: "user", role_type: "user", content: "in flight" }] });
    // Headers and half the body now; the other half after SIGTERM.
    const inFlight = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/v2/sessions/in-flight/memory",
      headers: { Authorization: `Bearer ${stopping.apiKey}`, "Content-Length": Buffer.byteLength(body) },
    });
    const replied = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      inFlight.on("error", reject);
    });
    inFlight.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(stopping.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(fetch(`${stopping.url}/healthz`)).rejects.toThrow();
    inFlight.end(body.slice(10));
    expect(await replied).toEqual({ status: 200, text: "OK" });
    expect(await stopping.exited).toBe(0);
  });
});

/** The ids of a process's children whose command line has `--worker`. */
function workerProcesses(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const parentPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parentPid === parent && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--worker");
      } catch {
        return false;
      }
    });
}

function niceness(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

async function eventually<T>(
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  seconds = 20,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the background worker's process", () => {
  it("runs beside the server in two processes, each restarted when it dies, and stops with it", {
    timeout: 180_000,
  }, async () => {
    const running = await startServer("door_worker", { ENGRAM_WORKER_POLL_MS: "100" });
    try {
      const workers = await eventually(
        () => workerProcesses(running.pid!),
        (pids) => pids.length === 2,
      );
      expect(workers).toHaveLength(2);
      const [first, other] = workers;
      // When the cores are busy, requests get them before the workers do.
      for (const pid of workers) expect(niceness(pid)).toBeGreaterThan(niceness(running.pid!));
      process.kill(first!, "SIGKILL");
      const after = await eventually(
        () => workerProcesses(running.pid!),
        (pids) => pids.length === 2 && !pids.includes(first!),
      );
      // The one that died is replaced; the other went on.
      expect(after).toHaveLength(2);
      expect(after).not.toContain(first);
      expect(after).toContain(other);
      const second = after.find((pid) => pid !== other);

      // The workers, one of them restarted, enrich what is added now.
      const headers = { Authorization: `Bearer ${running.apiKey}` };
      const added = await fetch(`${running.url}/api/v2/sessions/after-restart/memory`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          messages: [{ role: "user", role_type: "user", content: "Ana flew to Porto." }],
        }),
      });
      expect(added.status).toBe(200);
      const status = await eventually(
        async () =>
          (await (
            await fetch(`${running.url}/api/v2/sessions/after-restart/enrichment`, { headers })
          ).json()) as {
            unenriched_messages: number;
          },
        (state) => state.unenriched_messages === 0,
        // The restarted worker runs at a lower priority: on busy cores its start-up waits its turn.
        90,
      );
      expect(status.unenriched_messages).toBe(0);

      await running.stop();
      expect(await running.exited).toBe(0);
      expect(workerProcesses(running.pid!)).toEqual([]);
      for (const pid of [second, other]) expect(() => process.kill(pid!, 0)).toThrow();
    } finally {
      await running.stop();
    }
  });
});
