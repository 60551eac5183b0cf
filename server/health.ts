import { sql } from "drizzle-orm";
import { database } from "./db";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: "applied" | "pending";
  message?: string;
}

const ANSWER_WITHIN_MS = 2_000;

/** Whether this instance can serve data now: its database is open, migrated, and answers `select 1` within 2 s. */
export async function readiness(): Promise<Readiness> {
  let migrated = false;
  let timer: NodeJS.Timeout | undefined;
  const probe = (async () => {
    // Opening the database applies the migrations, so an open database is a migrated one.
    const opened = await database();
    migrated = true;
    await opened.db.execute(sql`select 1`);
  })();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${ANSWER_WITHIN_MS} ms`)),
      ANSWER_WITHIN_MS,
    );
  });
  try {
    await Promise.race([probe, timeout]);
    return { ready: true, database: "ok", migrations: "applied" };
  } catch (error) {
    probe.catch(() => {});
    const message =
      error instanceof Error && error.message.startsWith("the database")
        ? error.message
        : "the database is unreachable";
    return { ready: false, database: "unreachable", migrations: migrated ? "applied" : "pending", message };
  } finally {
    clearTimeout(timer);
  }
}
