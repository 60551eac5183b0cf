import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub";
import { type Cluster, createCluster } from "./support/cluster";
import { call, type EngramProcess, eventually, launchEngram } from "./support/engram";

const WINDOW = 4;

/** Enough messages for one fold of the progressive summary. */
const conversation = Array.from({ length: WINDOW + 2 }, (_, index) => ({
  role: index % 2 ? "assistant" : "user",
  role_type: index % 2 ? "assistant" : "user",
  content: `Turn ${index}: Jane books the flight to Lisbon for Friday the ${index + 10}th.`,
}));

describe("the worker killed mid-summary", () => {
  let cluster: Cluster;
  let databaseUrl: string;
  let stub: OpenAiStub;
  let sql: postgres.Sql;
  const servers: EngramProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await createCluster();
    await cluster.start();
    databaseUrl = await cluster.createDatabase("engram");
    stub = await startOpenAiStub();
    sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    // The default 30 s lease: what the 45 s below is about.
    env = {
      ENGRAM_MEMORY_WINDOW: String(WINDOW),
      ENGRAM_SUMMARIZER_BASE_URL: stub.url,
      ENGRAM_SUMMARIZER_API_KEY: "stub-key",
      // The stub answers every chat with a summary: facts, which would share it, stay off.
      ENGRAM_FACTS: "off",
      ENGRAM_WORKER_POLL_MS: "500",
    };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await sql?.end({ timeout: 1 });
    await stub?.close();
    await cluster?.destroy();
  });

  it("SIGKILL while the summarizer answers: another instance finishes the session within 45 s", async () => {
    const first = await launchEngram(databaseUrl, env);
    servers.push(first);
    const release = stub.holdChat();
    const asked = stub.nextChatRequest();
    const added = await call(first, "POST", "/api/v1/sessions/killed/memory", { messages: conversation });
    expect(added.status).toBe(200);
    await asked;
    // The first instance holds the session's lease and waits for its summary.
    const [lease] = await sql<{ lease_owner: string | null }[]>`
      select e.lease_owner from session_enrichment e join sessions s on s.id = e.session_pk
       where s.session_id = 'killed'`;
    expect(lease?.lease_owner).toBeTruthy();

    first.crash();
    const killedAt = performance.now();
    await first.exited;
    release();

    const second = await launchEngram(databaseUrl, env);
    servers.push(second);
    // Finished: summarized and enriched, nothing left to do.
    const summary = await eventually(
      async () => {
        const status = await call(second, "GET", "/api/v1/sessions/killed/enrichment");
        if (JSON.parse(status.body).state !== "up_to_date") return undefined;
        const memory = await call(second, "GET", "/api/v1/sessions/killed/memory");
        return (JSON.parse(memory.body) as { summary?: { content: string } }).summary;
      },
      50_000,
      500,
    );
    const finishedMs = performance.now() - killedAt;
    console.info(
      `crash: session finished by another instance ${(finishedMs / 1000).toFixed(1)} s after SIGKILL`,
    );
    expect(summary?.content).toMatch(/^Summary/);
    expect(finishedMs).toBeLessThan(45_000);
    const status = await call(second, "GET", "/api/v1/sessions/killed/enrichment");
    expect(JSON.parse(status.body)).toMatchObject({ state: "up_to_date", last_error: null, attempts: 0 });
  }, 90_000);
});
