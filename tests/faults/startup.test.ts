import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "./support/cluster";
import { call, type EngramProcess, eventually, launchEngram } from "./support/engram";

describe("Engram started before its Postgres", () => {
  let cluster: Cluster;
  let server: EngramProcess;

  beforeAll(async () => {
    cluster = await createCluster();
    await cluster.start();
    const databaseUrl = await cluster.createDatabase("engram");
    await cluster.stop();
    server = await launchEngram(databaseUrl);
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it("serves 503 and /readyz false while waiting, then serves once Postgres is up", async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
    const readiness = (await ready.json()) as {
      ready: boolean;
      database: string;
      migrations: string;
      message: string;
    };
    expect(readiness).toMatchObject({ ready: false, database: "unreachable", migrations: "pending" });
    expect(readiness.message).toMatch(/unreachable \(ECONNREFUSED\)/);

    // Once the route is loaded (the first request to a fresh server loads it), each 503 is quick.
    await call(server, "POST", "/api/v2/sessions", { session_id: "early" });
    const waiting = await call(server, "POST", "/api/v2/sessions", { session_id: "early" });
    expect(waiting.status).toBe(503);
    expect(waiting.ms).toBeLessThan(2_000);
    expect(waiting.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(waiting.body)).toMatchObject({ code: "UNAVAILABLE" });
    const trpc = await fetch(`${server.url}/api/trpc/sessions.list`, {
      headers: { Authorization: `Bearer ${server.apiKey}` },
    });
    expect(trpc.status).toBe(503);
    expect(trpc.headers.get("retry-after")).toMatch(/^\d+$/);

    // It says what it waits for, and is still running rather than exiting.
    expect(server.output()).toMatch(/waiting for the database at 127\.0\.0\.1:\d+\/engram \(ECONNREFUSED\)/);
    expect(server.child.exitCode).toBeNull();

    await cluster.start();
    const upAt = performance.now();
    await eventually(
      async () => ((await fetch(`${server.url}/readyz`)).status === 200 ? true : undefined),
      10_000,
      100,
    );
    const readyAfterMs = performance.now() - upAt;
    const created = await call(server, "POST", "/api/v2/sessions", { session_id: "after" });
    expect(created.status).toBe(201);
    // Backoff tops out at 2 s; migrations run once it connects.
    expect(readyAfterMs).toBeLessThan(5_000);
  }, 60_000);

  it("stops at once, saying why, when the database is there but refuses it (no such database)", async () => {
    const started = performance.now();
    // Next may answer /healthz for a moment before start-up ends: the process must exit by itself.
    const outcome = await launchEngram(cluster.url("no_such_database")).then(
      async (server) => ({ ...(await server.exited), output: server.output() }),
      (reason: unknown) => ({ code: /exited with (\d+)/.exec(String(reason))?.[1], output: String(reason) }),
    );
    expect(String(outcome.code)).toBe("1");
    expect(outcome.output).toMatch(/Engram cannot start: database "no_such_database" does not exist/);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
