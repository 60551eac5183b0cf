import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresOptions } from "@/db/client";
import { type Cluster, createCluster } from "./support/cluster";

// The driver alone (postgres.js 3.4.9 with patches/postgres+3.4.9.patch), under Postgres restarts
// in the middle of many small writes. Unpatched, a connection whose socket closed while a write was
// deferred keeps a stale write timer: its reconnects never send the startup message and each query
// on it fails with CONNECT_TIMEOUT after the connect timeout, long after Postgres is back. And a
// connection closed while a query awaited its reply carries that query over to the next socket,
// where it takes the next reply, so that a later query waits forever.
describe("postgres.js across Postgres restarts", () => {
  let cluster: Cluster;
  let url: string;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    cluster = await createCluster();
    await cluster.start();
    url = await cluster.createDatabase("driver");
    process.on("uncaughtException", onUncaught);
    process.on("unhandledRejection", onUncaught);
  });
  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    process.off("unhandledRejection", onUncaught);
    await cluster?.destroy();
  });

  it("serves every pooled connection again within 2 s of Postgres being back", async () => {
    const limits = { connectTimeoutMs: 5_000, idleTimeoutMs: 30_000, statementTimeoutMs: 5_000 };
    const sql = postgres(url, postgresOptions({ max: 10, ...limits }));
    try {
      await sql`create table notes (id serial primary key, body text not null)`;
      let writing = true;
      const cutOff: string[] = [];
      // Small writes back to back: the driver defers them behind setImmediate, which is where a
      // close lands mid-write.
      let unsettled = 0;
      const writers = Array.from({ length: 40 }, async () => {
        while (writing) {
          unsettled += 1;
          await sql`insert into notes (body) values (${"x".repeat(40)})`.catch((error: Error) => {
            cutOff.push((error as { code?: string }).code ?? error.message);
          });
          unsettled -= 1;
        }
      });
      for (let restart = 0; restart < 3; restart += 1) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await cluster.restart();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      writing = false;
      // Every query settles (succeeds or fails) promptly: none is left waiting on a reply that a
      // closed socket will never bring.
      await Promise.race([Promise.all(writers), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      expect(unsettled).toBe(0);
      // The restarts did cut queries off (otherwise this test proves nothing).
      expect(cutOff.length).toBeGreaterThan(0);

      // Rounds of 10 concurrent queries touch every connection of the pool.
      const outcomes: { ms: number; error?: string }[] = [];
      for (let round = 0; round < 5; round += 1) {
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            const started = performance.now();
            try {
              await sql`select pg_sleep(0.05), count(*) from notes`;
              outcomes.push({ ms: performance.now() - started });
            } catch (error) {
              outcomes.push({ ms: performance.now() - started, error: (error as { code?: string }).code });
            }
          }),
        );
      }
      expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
      expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(2_000);
      expect(uncaught).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 60_000);
});
