import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { config } from "../config";
import { logFailure } from "../errors";
import { embedderFromConfig } from "../providers/embeddings";
import { factExtractorFromConfig } from "../providers/facts";
import { summarizerFromConfig } from "../providers/summarizer";
import { embedPendingDocuments } from "./documents";
import { type Outcome, type ProcessOptions, processSession, requeueUnembedded } from "./enrich";
import { discoverFactWork } from "./facts";
import { claimSessions, discoverWork, releaseLeases } from "./leases";

export interface WorkerOptions extends Partial<ProcessOptions> {
  /** Sessions processed at once. */
  concurrency?: number;
  /** Pause between polls when there was nothing to do. */
  pollMs?: number;
  /**
   * Pause after a round that caught up, so that messages arriving meanwhile are enriched and
   * summarized together rather than one request at a time.
   */
  settleMs?: number;
}

export interface RoundResult {
  claimed: number;
  outcomes: Record<Outcome, number>;
}

/** Options filled in from the configuration. */
export function workerSettings(
  options: WorkerOptions = {},
): ProcessOptions & { concurrency: number; pollMs: number; settleMs: number } {
  const settings = config();
  return {
    owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? settings.ENGRAM_WORKER_LEASE_MS,
    clockOffsetMs: options.clockOffsetMs ?? 0,
    retryBaseMs: options.retryBaseMs ?? settings.ENGRAM_WORKER_RETRY_BASE_MS,
    retryMaxMs: options.retryMaxMs ?? settings.ENGRAM_WORKER_RETRY_MAX_MS,
    summarizer: options.summarizer ?? summarizerFromConfig(settings),
    embedder: "embedder" in options ? options.embedder : embedderFromConfig(settings),
    entities: options.entities ?? settings.ENGRAM_ENTITIES === "on",
    window: options.window ?? settings.ENGRAM_MEMORY_WINDOW,
    foldLimit: options.foldLimit ?? 1_000,
    batchSize: options.batchSize ?? 100,
    factExtractor: "factExtractor" in options ? options.factExtractor : factExtractorFromConfig(settings),
    factBatchSize: options.factBatchSize ?? settings.ENGRAM_FACTS_BATCH_MESSAGES,
    factMinMessages: options.factMinMessages ?? settings.ENGRAM_FACTS_MIN_MESSAGES,
    factQuietMs: options.factQuietMs ?? settings.ENGRAM_FACTS_QUIET_MS,
    concurrency: options.concurrency ?? settings.ENGRAM_WORKER_CONCURRENCY,
    pollMs: options.pollMs ?? settings.ENGRAM_WORKER_POLL_MS,
    settleMs: options.settleMs ?? settings.ENGRAM_WORKER_SETTLE_MS,
  };
}

/**
 * One round: find work (unless `discover` is false: sessions already flagged are enough), claim up
 * to `concurrency` sessions, process them in parallel.
 */
export async function runRound(
  db: Db,
  settings: ReturnType<typeof workerSettings>,
  discover = true,
): Promise<RoundResult> {
  if (discover) await discoverWork(db, settings.window);
  if (discover && settings.factExtractor) await discoverFactWork(db, settings);
  const claimed = await claimSessions(db, settings, settings.concurrency);
  const outcomes: Record<Outcome, number> = { done: 0, failed: 0, lease_lost: 0 };
  await Promise.all(
    claimed.map(async (sessionPk) => {
      outcomes[await processSession(db, sessionPk, settings)] += 1;
    }),
  );
  // Documents of auto-embedded collections, one batch per round.
  const documents = settings.embedder
    ? await embedPendingDocuments(db, {
        ...settings,
        embedder: settings.embedder,
        batchSize: settings.batchSize,
      })
    : 0;
  return { claimed: claimed.length + documents, outcomes };
}

/**
 * Processes rounds until no session is due (sessions waiting out a retry backoff are not due).
 * Deterministic: for tests, scripts and benchmarks.
 */
export async function runUntilIdle(db: Db, options: WorkerOptions = {}): Promise<RoundResult> {
  const settings = workerSettings(options);
  const total: RoundResult = { claimed: 0, outcomes: { done: 0, failed: 0, lease_lost: 0 } };
  for (;;) {
    const round = await runRound(db, settings);
    if (round.claimed === 0) return total;
    total.claimed += round.claimed;
    for (const outcome of Object.keys(round.outcomes) as Outcome[])
      total.outcomes[outcome] += round.outcomes[outcome];
  }
}

/** The background worker of one Engram instance: polls, claims, processes, until stopped. */
export class EnrichmentWorker {
  private readonly settings: ReturnType<typeof workerSettings>;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  /** When work was last looked for; while a backlog drains, once per poll interval is enough. */
  private discoveredAt = 0;
  private backlog = false;

  constructor(
    private readonly db: Db,
    options: WorkerOptions = {},
  ) {
    this.settings = workerSettings(options);
  }

  get owner(): string {
    return this.settings.owner;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const backfill = this.settings.embedder ? requeueUnembedded(this.db) : Promise.resolve(0);
    backfill
      .catch((error: unknown) => logFailure("queueing rows for embedding", error))
      .finally(() => this.schedule(0));
  }

  /**
   * Stops polling, waits for the round in progress (at most `waitMs`), then releases the worker's
   * leases at once: a step still running after that cannot write its result (its lease is gone).
   */
  async stop(waitMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      if (Number.isFinite(waitMs)) timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([this.current, limit]);
    clearTimeout(timer);
    try {
      const released = await releaseLeases(this.db, this.settings);
      if (released > 0) console.log(`Engram: released ${released} session leases on shutdown`);
    } catch (error) {
      logFailure("releasing leases on shutdown", error);
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.poll().finally(() => {
        this.current = undefined;
      });
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    let delay = this.settings.pollMs;
    try {
      const discover = !this.backlog || Date.now() - this.discoveredAt >= this.settings.pollMs;
      if (discover) this.discoveredAt = Date.now();
      const round = await runRound(this.db, this.settings, discover);
      // A full round means more is waiting: go again at once. A round that caught up waits a
      // moment, so that the next one finds a batch rather than a single request's messages.
      this.backlog = round.claimed === this.settings.concurrency;
      if (this.backlog) delay = 0;
      else if (round.claimed > 0) delay = this.settings.settleMs;
    } catch (error) {
      this.backlog = false;
      logFailure("enrichment worker round", error);
      // Soon enough to pick up again within seconds of the database coming back.
      delay = Math.max(this.settings.pollMs, 2_000);
    }
    this.schedule(delay);
  }
}

const holder = globalThis as unknown as { __engramWorker?: EnrichmentWorker };

/** Starts this process's background worker once (Next may evaluate instrumentation more than once). */
export function startEnrichmentWorker(db: Db): EnrichmentWorker {
  holder.__engramWorker ??= new EnrichmentWorker(db);
  holder.__engramWorker.start();
  return holder.__engramWorker;
}

/** Stops this process's background worker, if it runs (see EnrichmentWorker.stop). */
export async function stopEnrichmentWorker(waitMs: number): Promise<void> {
  await holder.__engramWorker?.stop(waitMs);
}
