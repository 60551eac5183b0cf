import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postgresOptions } from "@/db/client";
import { resetConfig } from "@/server/config";
import { asAppError, httpStatusOf, logFailure, safeErrorMessage } from "@/server/errors";
import { runUntilIdle } from "@/server/jobs/worker";
import { callerFor, useTestDatabase } from "../support/databases";
import { adminUrl } from "../support/postgres";
import { freePort } from "../support/process";

const limits = { max: 1, connectTimeoutMs: 2_000, idleTimeoutMs: 10_000, statementTimeoutMs: 300 };

/** The error a query through Drizzle and postgres.js really throws. */
async function failureOf(url: string, query: ReturnType<typeof sql>): Promise<unknown> {
  const client = postgres(url, postgresOptions(limits));
  try {
    await drizzle({ client }).execute(query);
    throw new Error("the query did not fail");
  } catch (error) {
    return error;
  } finally {
    await client.end({ timeout: 1 });
  }
}

describe("database failures as callers see them", () => {
  it("a refused connection is UNAVAILABLE (503), in plain words without the host", async () => {
    const port = await freePort();
    const error = await failureOf(`postgres://postgres@127.0.0.1:${port}/engram`, sql`select 1`);
    const appError = asAppError(error);
    expect(appError?.code).toBe("UNAVAILABLE");
    expect(httpStatusOf[appError!.code]).toBe(503);
    expect(appError?.message).toBe("the database is unreachable; retry shortly");
    expect(safeErrorMessage(error)).not.toContain(String(port));
  });

  it("a statement over the statement timeout is UNAVAILABLE", async () => {
    const error = await failureOf(adminUrl, sql`select pg_sleep(2)`);
    expect(asAppError(error)).toMatchObject({
      code: "UNAVAILABLE",
      message: "the database did not answer in time; retry shortly",
    });
  });

  it("any other database error shows its code, never its SQL", async () => {
    const error = await failureOf(adminUrl, sql`select secret_column from no_such_table where id = ${42}`);
    // The driver's own message carries the SQL: this is what must not reach callers.
    expect(String((error as Error).message)).toContain("no_such_table");
    expect(asAppError(error)).toBeUndefined();
    expect(safeErrorMessage(error)).toBe("internal error (42P01)");
  });
});

describe("last_error of background work that failed on the database", () => {
  const t = useTestDatabase("postgres", "faults_last_error");
  const lines = Array.from({ length: 14 }, (_, index) => ({
    role: "Ana",
    content: `Line ${index} of the story.`,
  }));

  it("names the error's code, never its SQL, its parameters or the database's address", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "broken", messages: lines });
    // A summarizer whose own database read fails: the worker records the failure.
    const broken = {
      name: "broken",
      summarize: async () => {
        await t.db.execute(sql`select secret_column from no_such_table where id = ${42}`);
        return "never";
      },
    };
    const round = await runUntilIdle(t.db, { summarizer: broken, embedder: undefined, window: 12 });
    expect(round.outcomes.failed).toBe(1);
    const status = await api.enrichment.status({ sessionId: "broken" });
    expect(status).toMatchObject({ state: "failing", last_error: "internal error (42P01)" });
  });

  it("shows an error recorded with SQL or an address (by an older version) as a plain internal error", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({ sessionId: "legacy", messages: lines.slice(0, 2) });
    await t.db.execute(sql`
      insert into session_enrichment (session_pk, pending, attempts, last_error, last_error_at)
      select id, true, 1, 'DrizzleQueryError: Failed query: select * from messages params: 1 (127.0.0.1:5432)', now()
        from sessions where session_id = 'legacy'
      on conflict (session_pk) do update set attempts = 1, last_error = excluded.last_error, last_error_at = now()`);
    expect(await api.enrichment.status({ sessionId: "legacy" })).toMatchObject({
      last_error: "internal error",
    });
    expect(await api.enrichment.failures({})).toEqual([
      expect.objectContaining({ session_id: "legacy", last_error: "internal error" }),
    ]);
  });
});

describe("logging a failure", () => {
  afterEach(() => {
    delete process.env.ENGRAM_LOG_LEVEL;
    resetConfig();
    vi.restoreAllMocks();
  });

  async function logged(level: "info" | "debug"): Promise<string[]> {
    process.env.ENGRAM_LOG_LEVEL = level;
    resetConfig();
    const error = await failureOf(adminUrl, sql`select secret_column from no_such_table where id = ${42}`);
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      lines.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg)))
          .join(" "),
      );
    });
    logFailure("REST GET /api/v1", error);
    return lines;
  }

  it("is one line with the route and the code; the SQL only at debug level", async () => {
    const info = await logged("info");
    expect(info).toEqual(["REST GET /api/v1 failed: INTERNAL (42P01)"]);
    const debug = await logged("debug");
    expect(debug[0]).toBe("REST GET /api/v1 failed: INTERNAL (42P01)");
    expect(debug.slice(1).join("\n")).toContain("no_such_table");
  });
});
