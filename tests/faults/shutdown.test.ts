import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";
import { type Cluster, createCluster } from "./support/cluster";
import { call, type EngramProcess, launchEngram, type Outcome, sleep } from "./support/engram";

const WINDOW = 4;
const SHUTDOWN_WAIT_MS = 2_000;

describe("SIGTERM under load", () => {
  let cluster: Cluster;
  let databaseUrl: string;
  let stub: OpenAiStub;
  let sql: postgres.Sql;
  let server: EngramProcess;

  beforeAll(async () => {
    cluster = await createCluster();
    await cluster.start();
    databaseUrl = await cluster.createDatabase("engram");
    stub = await startOpenAiStub();
    sql = postgres(databaseUrl, { max: 3, onnotice: () => {} });
    server = await launchEngram(databaseUrl, {
      ENGRAM_MEMORY_WINDOW: String(WINDOW),
      ENGRAM_SUMMARIZER_BASE_URL: stub.url,
      ENGRAM_SUMMARIZER_API_KEY: "stub-key",
      // The stub answers every chat with a summary: facts, which would share it, stay off.
      ENGRAM_FACTS: "off",
      ENGRAM_WORKER_POLL_MS: "500",
      ENGRAM_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_WAIT_MS),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sql?.end({ timeout: 1 });
    await stub?.close();
    await cluster?.destroy();
  });

  it("finishes the requests in flight, releases the worker's lease at once, and exits", async () => {
    // The worker is mid-summary (the summarizer holds its answer), holding the session's lease.
    stub.holdChat();
    const asked = stub.nextChatRequest();
    const conversation = Array.from({ length: WINDOW + 2 }, (_, index) => ({
      role: "user",
      content: `Turn ${index} of a conversation about the Lisbon trip.`,
    }));
    expect(
      (await call(server, "POST", "/api/v1/sessions/leased/memory", { messages: conversation })).status,
    ).toBe(200);
    await asked;
    const leaseOf = async () => {
      const [row] = await sql<{ lease_owner: string | null; lease_expires_at: Date | null }[]>`
        select e.lease_owner, e.lease_expires_at from session_enrichment e
          join sessions s on s.id = e.session_pk where s.session_id = 'leased'`;
      return row;
    };
    expect((await leaseOf())?.lease_owner).toBeTruthy();

    // Requests that are surely in flight: their inserts wait for a lock the test holds.
    const inFlight: Promise<Outcome>[] = [];
    const signalled = sql.begin(async (tx) => {
      await tx`lock table messages in share row exclusive mode`;
      for (let index = 0; index < 6; index += 1) {
        inFlight.push(
          call(server, "POST", `/api/v1/sessions/in-flight-${index}/memory`, {
            messages: [{ role: "user", content: `in flight ${index}` }],
          }),
        );
      }
      // Long enough for the requests to reach the database and wait there.
      await sleep(1_500);
      server.child.kill("SIGTERM");
      await sleep(500);
    });
    await signalled;
    const signalledAt = performance.now();

    const outcomes = await Promise.all(inFlight);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const [stored] = await sql<{ count: number }[]>`
      select count(*)::int as count from messages where content like 'in flight %'`;
    expect(stored?.count).toBe(6);

    const exit = await server.exited;
    const exitedMs = performance.now() - signalledAt;
    console.info(
      `shutdown: exited ${(exitedMs / 1000).toFixed(1)} s after the in-flight requests were let go`,
    );
    // A graceful stop: the server entry exits 0 once Engram has stopped.
    expect(exit.code).toBe(0);
    // The summary step could not finish (its answer is held): the wait for it is bounded.
    expect(exitedMs).toBeLessThan(SHUTDOWN_WAIT_MS + 8_000);
    // Released, not left to run out its 30 s.
    expect(await leaseOf()).toEqual({ lease_owner: null, lease_expires_at: null });
    expect(server.output()).toMatch(/released 1 session leases on shutdown/);
  }, 60_000);
});
