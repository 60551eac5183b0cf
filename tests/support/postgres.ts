import postgres from "postgres";

// Free of vitest, so scripts outside the test runner (the e2e server launcher) can use it too.

/** The machine's Postgres, as an administrator who may create databases. */
export const adminUrl = process.env.ENGRAM_TEST_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a database on the machine's Postgres; returns its URL. */
export async function createFreshDatabase(name: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/** Prefix of test database names; set ENGRAM_TEST_DB_PREFIX to run two checkouts' suites at once. */
export const testDatabasePrefix = process.env.ENGRAM_TEST_DB_PREFIX ?? "engram_test";
