import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { useDatabase } from "@/server/db";
import { readiness } from "@/server/health";
import { backends, useTestDatabase } from "../support/databases";

describe.each(backends)("readiness on %s", (backend) => {
  const t = useTestDatabase(backend, `faults_readiness_${backend}`);

  it("is ready on a migrated database, and says so when a migration is missing", async () => {
    useDatabase(t.database);
    const [pgvector] = await queryRows<{ installed: boolean }>(
      t.db,
      sql`select exists (select 1 from pg_extension where extname = 'vector') as installed`,
    );
    const vector_search = pgvector?.installed ? "pgvector" : "exact";
    expect(await readiness()).toEqual({ ready: true, database: "ok", migrations: "applied", vector_search });

    const [newest] = await queryRows<{ hash: string; created_at: string }>(
      t.db,
      sql`delete from drizzle.__drizzle_migrations
           where id = (select max(id) from drizzle.__drizzle_migrations) returning hash, created_at`,
    );
    try {
      expect(await readiness()).toEqual({
        ready: false,
        database: "ok",
        migrations: "pending",
        vector_search,
        message: "1 migrations are not applied yet",
      });
    } finally {
      const row = newest ?? undefined;
      if (row)
        await t.db.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${row.hash}, ${row.created_at})`,
        );
    }
  });
});
