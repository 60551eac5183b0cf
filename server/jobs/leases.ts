import { type SQL, sql } from "drizzle-orm";
import { type Db, type Queryable, queryRows } from "@/db/client";

/** Who a worker is and how long its claims last. */
export interface LeaseOptions {
  /** Unique per worker; a lease names its owner. */
  owner: string;
  leaseMs: number;
  /** Added to the database clock: lets a simulation act as a worker running that much later. */
  clockOffsetMs: number;
}

export interface RetryOptions {
  retryBaseMs: number;
  retryMaxMs: number;
}

/** Thrown when a worker's lease has expired or been taken over: its result must not be written. */
export class LeaseLost extends Error {
  constructor(sessionPk: number) {
    super(`lease on session ${sessionPk} is no longer held`);
    this.name = "LeaseLost";
  }
}

/** The database clock (one clock for every instance), shifted by the worker's offset. */
const clock = (lease: LeaseOptions): SQL =>
  sql`(now() + make_interval(secs => ${lease.clockOffsetMs / 1000}::double precision))`;

const millis = (value: SQL | number): SQL => sql`make_interval(secs => (${value})::double precision / 1000)`;

/**
 * Flags every session with work to do: unenriched messages or summaries, or enough unsummarized
 * messages for a fold (unless that was checked at the current position already).
 */
export async function discoverWork(db: Db, window: number): Promise<void> {
  await db.execute(sql`
    insert into session_enrichment (session_pk)
    select session_pk from messages where enriched_at is null and deleted_at is null
    union
    select session_pk from summaries where enriched_at is null and deleted_at is null
    union
    select s.id from sessions s left join session_enrichment e on e.session_pk = s.id
     where s.deleted_at is null
       and s.message_seq - s.summarized_seq >= ${window}
       and s.message_seq > coalesce(e.checked_seq, 0)
    on conflict (session_pk) do update set pending = true, updated_at = now()
     where not session_enrichment.pending`);
}

/**
 * Leases up to `limit` pending sessions that are due and not leased by a live worker. Rows locked
 * by another claimer are skipped, so concurrent workers never claim the same session.
 */
export async function claimSessions(db: Db, lease: LeaseOptions, limit: number): Promise<number[]> {
  const now = clock(lease);
  const rows = await queryRows<{ session_pk: string | number }>(
    db,
    sql`
      update session_enrichment
         set lease_owner = ${lease.owner}, lease_expires_at = ${now} + ${millis(lease.leaseMs)}, updated_at = now()
       where session_pk in (
         select session_pk from session_enrichment
          where pending and next_attempt_at <= ${now}
            and (lease_expires_at is null or lease_expires_at <= ${now})
          order by next_attempt_at, session_pk
          limit ${limit}
          for update skip locked)
      returning session_pk`,
  );
  return rows.map((row) => Number(row.session_pk));
}

/**
 * Inside the transaction that writes a result: checks that the lease is still this worker's and
 * extends it. The row stays locked until commit, so no one can take the lease over meanwhile.
 */
export async function holdLease(tx: Queryable, sessionPk: number, lease: LeaseOptions): Promise<void> {
  const rows = await queryRows(tx, holdLeaseStatement(sessionPk, lease));
  if (rows.length === 0) throw new LeaseLost(sessionPk);
}

/**
 * The statement `holdLease` runs: it returns the session's row while the lease is this worker's,
 * and locks that row until the end of the transaction (or of the statement it is a part of).
 */
export function holdLeaseStatement(sessionPk: number, lease: LeaseOptions): SQL {
  const now = clock(lease);
  return sql`
      update session_enrichment
         set lease_expires_at = ${now} + ${millis(lease.leaseMs)}, updated_at = now()
       where session_pk = ${sessionPk} and lease_owner = ${lease.owner} and lease_expires_at > ${now}
      returning session_pk`;
}

/** Extends a lease this worker still holds (a heartbeat during long provider calls). */
export async function renewLease(db: Db, sessionPk: number, lease: LeaseOptions): Promise<boolean> {
  const now = clock(lease);
  const rows = await queryRows(
    db,
    sql`
      update session_enrichment set lease_expires_at = ${now} + ${millis(lease.leaseMs)}
       where session_pk = ${sessionPk} and lease_owner = ${lease.owner} and lease_expires_at > ${now}
      returning session_pk`,
  );
  return rows.length > 0;
}

/** All work found for the session is done: clear failures and release the lease. */
export async function completeSession(
  db: Db,
  sessionPk: number,
  lease: LeaseOptions,
  checkedSeq: number,
): Promise<void> {
  await db.execute(sql`
    update session_enrichment
       set pending = false, lease_owner = null, lease_expires_at = null, attempts = 0,
           last_error = null, last_error_at = null, next_attempt_at = now(),
           checked_seq = greatest(checked_seq, ${checkedSeq}), completed_at = now(), updated_at = now()
     where session_pk = ${sessionPk} and lease_owner = ${lease.owner}`);
}

/**
 * Records a failed attempt and schedules the next one with exponential backoff and jitter.
 * False when the lease was no longer this worker's (the failure is someone else's to record).
 */
export async function failSession(
  db: Db,
  sessionPk: number,
  lease: LeaseOptions & RetryOptions,
  error: string,
): Promise<boolean> {
  const backoff = sql`least(${lease.retryMaxMs}::double precision, ${lease.retryBaseMs}::double precision * power(2, least(attempts, 30))) * (0.8 + random() * 0.4)`;
  const rows = await queryRows(
    db,
    sql`
    update session_enrichment
       set attempts = attempts + 1, last_error = ${error.slice(0, 2_000)}, last_error_at = now(),
           next_attempt_at = ${clock(lease)} + ${millis(backoff)},
           lease_owner = null, lease_expires_at = null, updated_at = now()
     where session_pk = ${sessionPk} and lease_owner = ${lease.owner}
    returning session_pk`,
  );
  return rows.length > 0;
}

/**
 * Gives up every lease the worker holds (on shutdown), so that any instance may take its sessions
 * over at once instead of after the lease runs out. Returns how many were released.
 */
export async function releaseLeases(db: Db, lease: Pick<LeaseOptions, "owner">): Promise<number> {
  const rows = await queryRows(
    db,
    sql`
      update session_enrichment set lease_owner = null, lease_expires_at = null, updated_at = now()
       where lease_owner = ${lease.owner}
      returning session_pk`,
  );
  return rows.length;
}
