import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "./support/cluster";
import { call, type EngramProcess, launchEngram, type Outcome, sleep } from "./support/engram";

const DEADLINE_MS = 5_000;
// Next's own overhead and a loaded 2-core machine, on top of the deadline.
const SLACK_MS = 2_000;

interface Load {
  outcomes: Outcome[];
  /** Every message uuid a writer got a 2xx for. */
  acknowledged: Set<string>;
  /** Every message uuid sent at all. */
  sent: Set<string>;
  stop(): Promise<void>;
}

/**
 * Writers append one message per request to their own session, retrying a failed message with the
 * same uuid (as a careful client does) before going on; readers read memory back.
 */
function startLoad(server: EngramProcess, name: string, writers = 6, readers = 3): Load {
  const load: Load = { outcomes: [], acknowledged: new Set(), sent: new Set(), stop: async () => {} };
  let running = true;
  const writer = async (index: number) => {
    const route = `/api/v1/sessions/${name}-${index}/memory`;
    let uuid = randomUUID();
    while (running) {
      load.sent.add(uuid);
      const outcome = await call(server, "POST", route, {
        messages: [{ uuid, role: "user", role_type: "user", content: `message ${uuid}` }],
      });
      load.outcomes.push(outcome);
      if (outcome.status >= 200 && outcome.status < 300) {
        load.acknowledged.add(uuid);
        uuid = randomUUID();
      } else {
        await sleep(100);
      }
    }
  };
  const reader = async (index: number) => {
    while (running) {
      const outcome = await call(server, "GET", `/api/v1/sessions/${name}-${index}/memory?lastn=5`);
      load.outcomes.push(outcome);
      await sleep(outcome.status === 200 || outcome.status === 404 ? 20 : 100);
    }
  };
  const all = [
    ...Array.from({ length: writers }, (_, index) => writer(index)),
    ...Array.from({ length: readers }, (_, index) => reader(index)),
  ];
  load.stop = async () => {
    running = false;
    await Promise.all(all);
  };
  return load;
}

/** Lets the load run until writers have `count` messages acknowledged (a warm, working server). */
async function warmUp(load: Load, count = 10) {
  const deadline = performance.now() + 30_000;
  while (load.acknowledged.size < count && performance.now() < deadline) await sleep(100);
  expect(load.acknowledged.size).toBeGreaterThanOrEqual(count);
}

const during = (outcomes: Outcome[], from: number, to: number) =>
  outcomes.filter((outcome) => outcome.startedAt >= from && outcome.startedAt < to);

describe("Postgres restarted and stopped under load", () => {
  let cluster: Cluster;
  let databaseUrl: string;
  let server: EngramProcess;
  let sql: postgres.Sql;

  beforeAll(async () => {
    cluster = await createCluster();
    await cluster.start();
    databaseUrl = await cluster.createDatabase("engram");
    server = await launchEngram(databaseUrl, {
      ENGRAM_REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
      ENGRAM_DB_STATEMENT_TIMEOUT_MS: "3000",
      ENGRAM_DB_CONNECT_TIMEOUT_MS: "2000",
      ENGRAM_MEMORY_WINDOW: "6",
    });
    sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end({ timeout: 1 });
    await server?.stop();
    await cluster?.destroy();
  });

  /** Each stored message of the given uuids, counted. */
  async function storedCounts(uuids: Set<string>): Promise<Map<string, number>> {
    const rows = await sql<{ uuid: string; count: number }[]>`
      select uuid::text as uuid, count(*)::int as count from messages
       where uuid::text = any(${[...uuids]}) and deleted_at is null group by uuid`;
    return new Map(rows.map((row) => [row.uuid, row.count]));
  }

  function expectNoHangNo500(outcomes: Outcome[], scenario: string) {
    const count = (status: number) => outcomes.filter((outcome) => outcome.status === status).length;
    console.info(
      `${scenario}: ${outcomes.length} requests, ${count(200)} ok, ${count(503)} 503, ` +
        `slowest ${Math.round(Math.max(...outcomes.map((outcome) => outcome.ms)))} ms`,
    );
    const slow = outcomes.filter((outcome) => outcome.ms > DEADLINE_MS + SLACK_MS);
    expect(slow.map((outcome) => Math.round(outcome.ms))).toEqual([]);
    const failures = outcomes.filter(
      (outcome) =>
        outcome.status !== 503 && (outcome.status < 200 || outcome.status >= 300) && outcome.status !== 404,
    );
    expect(failures.map((outcome) => `${outcome.status} ${outcome.body.slice(0, 200)}`)).toEqual([]);
    for (const outcome of outcomes.filter((each) => each.status === 503)) {
      expect(outcome.retryAfter).toMatch(/^\d+$/);
      const body = JSON.parse(outcome.body) as { message: string; code: string };
      expect(body.code).toBe("UNAVAILABLE");
      // Plain words: no SQL, no host or port.
      expect(body.message).not.toMatch(/select|insert|update|127\.0\.0\.1|:\d{2,5}\b/i);
    }
  }

  it("restart: no request over the deadline, 503 not 500, back within 5 s, every message stored once", async () => {
    const load = startLoad(server, "restart");
    await warmUp(load);
    const restartAt = performance.now();
    await cluster.restart();
    const backAt = performance.now();
    await sleep(6_000);
    await load.stop();

    expectNoHangNo500(load.outcomes, "restart");
    // The restart did fail requests in flight (otherwise this proves nothing)...
    expect(during(load.outcomes, restartAt, backAt).some((outcome) => outcome.status === 503)).toBe(true);
    // Every request that started 5 s after Postgres was back succeeded.
    const late = during(load.outcomes, backAt + 5_000, Number.POSITIVE_INFINITY);
    expect(late.length).toBeGreaterThan(5);
    expect(late.filter((outcome) => outcome.status >= 300 && outcome.status !== 404)).toEqual([]);

    const counts = await storedCounts(load.sent);
    for (const uuid of load.acknowledged) expect(counts.get(uuid), uuid).toBe(1);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
  }, 60_000);

  it("stop: 503 with Retry-After within 2 s while Postgres is down, /readyz false, then back within 5 s", async () => {
    const load = startLoad(server, "stop");
    await warmUp(load);
    const stoppedAt = performance.now();
    await cluster.stop();
    const downAt = performance.now();
    await sleep(1_000);
    const readyWhileDown = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    const readyBody = (await readyWhileDown.json()) as { ready: boolean; database: string };
    const healthWhileDown = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const input = encodeURIComponent(JSON.stringify({ sessionId: "stop-0" }));
    const trpcWhileDown = await fetch(`${server.url}/api/trpc/sessions.get?input=${input}`, {
      headers: { Authorization: `Bearer ${server.apiKey}` },
      signal: AbortSignal.timeout(5_000),
    });
    const trpcBody = (await trpcWhileDown.json()) as { error: { message: string; data: { code: string } } };
    await sleep(2_000);
    const startedAt = performance.now();
    await cluster.start();
    const backAt = performance.now();
    await sleep(6_000);
    await load.stop();

    expect(readyWhileDown.status).toBe(503);
    expect(readyWhileDown.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(readyBody).toMatchObject({ ready: false, database: "unreachable" });
    expect(healthWhileDown.status).toBe(200);
    expect(trpcWhileDown.status).toBe(503);
    expect(trpcWhileDown.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(trpcBody.error.data.code).toBe("SERVICE_UNAVAILABLE");
    expect(trpcBody.error.message).toMatch(/^the database is/);

    expectNoHangNo500(load.outcomes, "stop");
    // While Postgres was down, requests got 503, each within 2 s.
    const whileDown = during(load.outcomes, downAt, startedAt).filter(
      (outcome) => outcome.startedAt + outcome.ms < startedAt,
    );
    expect(whileDown.length).toBeGreaterThan(5);
    expect(whileDown.filter((outcome) => outcome.status !== 503)).toEqual([]);
    expect(Math.max(...whileDown.map((outcome) => outcome.ms))).toBeLessThan(2_000);
    expect(during(load.outcomes, stoppedAt, startedAt).some((outcome) => outcome.status === 503)).toBe(true);

    const late = during(load.outcomes, backAt + 5_000, Number.POSITIVE_INFINITY);
    expect(late.length).toBeGreaterThan(5);
    expect(late.filter((outcome) => outcome.status >= 300 && outcome.status !== 404)).toEqual([]);
    const readyAfter = await fetch(`${server.url}/readyz`);
    expect(await readyAfter.json()).toEqual({
      ready: true,
      database: "ok",
      migrations: "applied",
      vector_search: expect.stringMatching(/^(pgvector|exact)$/),
    });

    const counts = await storedCounts(load.sent);
    for (const uuid of load.acknowledged) expect(counts.get(uuid), uuid).toBe(1);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);

    // One line per failed request, naming the route and code; no SQL in the log.
    expect(server.output()).toMatch(/REST (POST|GET) \/api\/v1 failed: UNAVAILABLE \(\w+\)/);
    expect(server.output()).not.toMatch(
      /Failed query|insert into|uncaughtException|unhandledRejection|TypeError/i,
    );
  }, 60_000);
});
