import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type Database, type Db, openDatabase, queryRows } from "@/db/client";
import { type CallFactory, type HttpCall, measureHttp } from "./load";
import { measureLoop } from "./loop";
import { type Operation, operations, readSessions, scalingOperations, writeSessions } from "./operations";
import {
  machine,
  type OperationResult,
  type Path,
  pathLabels,
  type Results,
  type ScalingPoint,
  type Target,
  writeResults,
} from "./report";
import { countMessages, seedSessions, settle } from "./seed";
import {
  buildServer,
  type RunningServer,
  residentMemory,
  startReference,
  startServer,
  watchMemory,
  workerProcessesOf,
} from "./server";
import { combine, type Measurement, round } from "./stats";

const usage = `npm run bench [-- options]
  --quick           short measurements, smaller sessions and database (two to three minutes)
  --no-build        reuse the existing production build in the dist folder
  --seconds <n>     seconds per measurement (default 5, quick 1), taken in rounds (5, quick 2)
  --port <n>        loopback port for the server (default 3500)
  --database <name> database to create afresh (default engram_bench)
  --dist <dir>      Next.js build folder (default .next-bench)
  --worker <on|off> the server's background enrichment worker (default on, as deployed)`;

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    seconds: { type: "string" },
    port: { type: "string", default: "3500" },
    database: { type: "string", default: "engram_bench" },
    dist: { type: "string", default: ".next-bench" },
    worker: { type: "string", default: "on" },
    help: { type: "boolean", default: false },
  },
});

const quick = args.quick!;
if (args.worker !== "on" && args.worker !== "off") throw new Error("--worker takes on or off");
const settings = {
  seconds: Number(args.seconds ?? (quick ? 1 : 5)),
  rounds: quick ? 2 : 5,
  warmupSeconds: quick ? 0.5 : 1,
  scaleSeconds: quick ? 1 : 2,
  concurrency: [1, 16],
  poolSize: 10,
  sessionSizes: quick ? [10, 1_000, 10_000] : [10, 1_000, 100_000],
  databaseMessages: quick ? 100_000 : 1_000_000,
  bulkSessionMessages: 1_000,
};
const adminUrl = process.env.ENGRAM_BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// The benchmark drops and creates databases and floods the server: only ever on this machine.
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(adminUrl).hostname)) {
  throw new Error("ENGRAM_BENCH_ADMIN_URL must point at a loopback address");
}
const apiKey = `bench_${randomBytes(24).toString("base64url")}`;
const scalePrefix = "bench-scale";

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

function formatMeasurement(m: Measurement) {
  return `${Math.round(m.rps)} req/s  p50 ${m.p50.toFixed(2)}  p95 ${m.p95.toFixed(2)}  p99 ${m.p99.toFixed(2)} ms${
    m.server_cpu_ms === undefined ? "" : `  server CPU ${m.server_cpu_ms.toFixed(2)} ms/req`
  }${m.errors ? `  errors ${m.errors}` : ""}`;
}

async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("database name: lowercase letters, digits and _ only");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One call per path and operation: which ones the server serves, and the reason when not. */
async function probe(server: RunningServer, call: HttpCall): Promise<string | undefined> {
  const response = await fetch(`${server.url}${call.path}`, {
    method: call.method,
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  if (response.ok) return undefined;
  return `${response.status} ${(await response.text()).slice(0, 200).replace(/\s+/g, " ")}`;
}

function httpOptions(server: RunningServer, connections: number, seconds: number) {
  return {
    url: server.url,
    headers: { authorization: `Bearer ${apiKey}` },
    connections,
    seconds,
    pid: server.pid,
  };
}

/**
 * Measures each of `contenders` in `settings.rounds` rounds, taking turns, and combines each one's
 * rounds: a slower spell of the shared machine then falls on all of them alike, not on whichever
 * was measured at the time.
 */
async function inTurns<K, C>(
  contenders: [K, C][],
  measure: (contender: C) => Promise<Measurement>,
): Promise<Map<K, Measurement>> {
  const rounds = new Map<K, Measurement[]>(contenders.map(([key]) => [key, []]));
  for (let round = 0; round < settings.rounds; round++) {
    for (const [key, contender] of contenders) rounds.get(key)!.push(await measure(contender));
  }
  return new Map([...rounds].map(([key, parts]) => [key, combine(parts)]));
}

async function measureOperations(
  db: Db,
  server: RunningServer,
  reference: RunningServer,
  selected: Operation[],
  notes: string[],
): Promise<OperationResult[]> {
  const results: OperationResult[] = [];
  for (const operation of selected) {
    log(`\n${operation.label}`);
    const result: OperationResult = { key: operation.key, label: operation.label, results: {} };
    const served: Partial<Record<Path, CallFactory>> = {};
    const target = (path: Path) => (path === "reference" || path === "bareGet" ? reference : server);
    for (const path of ["reference", "bareGet", "trpc", "rest"] as const) {
      const factory = operation[path];
      if (!factory) continue;
      const failure = await probe(target(path), factory(0));
      if (failure) {
        log(`  ${pathLabels[path]}: not measured (${failure})`);
        notes.push(`${operation.label} over ${pathLabels[path]} was not measured: ${failure}`);
      } else {
        served[path] = factory;
      }
    }
    type Runner = [Path, (concurrency: number, seconds: number) => Promise<Measurement>];
    const runners: Runner[] = [
      ["floor", (c, seconds) => measureLoop(c, seconds, (n) => operation.floor(db, n))],
      ["service", (c, seconds) => measureLoop(c, seconds, (n) => operation.service(db, n))],
      ...(Object.entries(served) as [Path, CallFactory][]).map(
        ([path, factory]): Runner => [
          path,
          (c, seconds) => measureHttp(httpOptions(target(path), c, seconds), factory),
        ],
      ),
    ];
    // Warm the JIT and the caches of every path before anything is timed.
    for (const [, run] of runners) await run(16, settings.warmupSeconds);
    for (const c of settings.concurrency) {
      const measured = await inTurns(runners, (run) => run(c, settings.seconds / settings.rounds));
      for (const [path, m] of measured) {
        result.results[path] = { ...result.results[path], [c]: m };
        log(`  ${pathLabels[path].padEnd(28)} c=${String(c).padEnd(2)}  ${formatMeasurement(m)}`);
      }
    }
    results.push(result);
  }
  return results;
}

async function measureScaling(
  db: Db,
  server: RunningServer,
  api: "rest" | "trpc",
  databaseMessages: number,
): Promise<ScalingPoint[]> {
  const points: ScalingPoint[] = [];
  for (const size of settings.sessionSizes) {
    const sessionId = `${scalePrefix}-${size}-0`;
    for (const operation of scalingOperations) {
      const factory = operation[api](sessionId);
      if (await probe(server, factory(0))) continue;
      await measureHttp(httpOptions(server, 1, settings.warmupSeconds / 2), factory);
      const apiResult = await measureHttp(httpOptions(server, 1, settings.scaleSeconds), factory);
      const floor = await measureLoop(1, settings.scaleSeconds, () => operation.floor(db, sessionId));
      points.push({
        database_messages: databaseMessages,
        session_messages: size,
        operation: operation.label,
        api: apiResult,
        floor,
      });
      log(
        `  ${String(size).padStart(7)} messages  ${operation.label.padEnd(28)} api p50 ${apiResult.p50.toFixed(2)} ms  floor p50 ${floor.p50.toFixed(2)} ms`,
      );
    }
  }
  return points;
}

/**
 * Waits (at most `maxSeconds`) until the server's background worker has enriched and summarized
 * what the add measurements wrote, so later measurements do not share the cores with it.
 */
async function waitForEnrichment(db: Db, maxSeconds: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < maxSeconds * 1000) {
    const [row] = await queryRows<{ backlog: string }>(
      db,
      sql`select (select count(*) from messages where enriched_at is null and deleted_at is null)
        + coalesce((select count(*) from session_enrichment where pending), 0) as backlog`,
    );
    if (Number(row?.backlog ?? 0) === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

/** Adds sessions of `bulkSessionMessages`, two batches at once, until the database holds `databaseMessages`. */
async function topUp(db: Db) {
  const perBatch = 40;
  let batch = 0;
  let total = await countMessages(db);
  while (total < settings.databaseMessages) {
    const sessionsNeeded = Math.ceil((settings.databaseMessages - total) / settings.bulkSessionMessages);
    const counts = [
      Math.min(perBatch, sessionsNeeded),
      Math.min(perBatch, Math.max(0, sessionsNeeded - perBatch)),
    ];
    await Promise.all(
      counts
        .filter((count) => count > 0)
        .map((count) =>
          seedSessions(db, {
            prefix: `bench-bulk-${batch++}`,
            count,
            messagesPerSession: settings.bulkSessionMessages,
          }),
        ),
    );
    total += (counts[0]! + counts[1]!) * settings.bulkSessionMessages;
    process.stdout.write(`\r  ${total.toLocaleString("en-US")} messages`);
  }
  process.stdout.write("\n");
}

function evaluateTargets(
  operationResults: OperationResult[],
  scaling: ScalingPoint[],
  peakMemory: number,
  api: string,
): Target[] {
  const targets: Target[] = [];
  const byKey = new Map(operationResults.map((o) => [o.key, o]));
  const latencyTarget = (key: string, name: string, goal: number) => {
    for (const path of ["rest", "trpc"] as const) {
      const m = byKey.get(key)?.results[path]?.[1];
      targets.push({
        name: `${name}, p50 at concurrency 1 (${pathLabels[path]})`,
        goal: `≤ ${goal} ms`,
        measured: m ? `${m.p50.toFixed(2)} ms` : "not served",
        met: m ? m.p50 <= goal : null,
      });
    }
  };
  latencyTarget("add", "add memory", 5);
  latencyTarget("get_window", "get memory (message_window)", 3);
  latencyTarget("get_perpetual", "get memory (perpetual)", 3);

  for (const operation of operationResults) {
    const floor = operation.results.floor?.[16];
    for (const path of ["rest", "trpc"] as const) {
      const m = operation.results[path]?.[16];
      if (!m || !floor) continue;
      const share = m.rps / floor.rps;
      targets.push({
        name: `${operation.label}, throughput at concurrency 16 (${pathLabels[path]})`,
        goal: "≥ 0.5 × floor",
        measured: `${share.toFixed(2)} × floor (${Math.round(m.rps)} vs ${Math.round(floor.rps)} req/s)`,
        met: share >= 0.5,
      });
    }
  }

  const largestDatabase = Math.max(...scaling.map((p) => p.database_messages));
  const smallest = Math.min(...settings.sessionSizes);
  const largest = Math.max(...settings.sessionSizes);
  for (const label of new Set(scaling.filter((p) => p.operation.startsWith("get")).map((p) => p.operation))) {
    const at = (size: number) =>
      scaling.find(
        (p) =>
          p.operation === label && p.session_messages === size && p.database_messages === largestDatabase,
      );
    const small = at(smallest);
    const large = at(largest);
    targets.push({
      name: `${label}: p50 at ${largest.toLocaleString("en-US")} vs ${smallest} messages per session (${api}, ${largestDatabase.toLocaleString("en-US")} in database)`,
      goal: "≤ 1.5×",
      measured:
        small && large
          ? `${(large.api.p50 / small.api.p50).toFixed(2)}× (${large.api.p50.toFixed(2)} vs ${small.api.p50.toFixed(2)} ms)`
          : "not measured",
      met: small && large ? large.api.p50 <= 1.5 * small.api.p50 : null,
    });
  }
  targets.push({
    name: "server resident memory under load",
    goal: "< 300 MB",
    measured: `${peakMemory.toFixed(0)} MiB`,
    met: peakMemory * 1.048576 < 300,
  });
  return targets;
}

/** The targets set against the bare reference server of the same run. */
function referenceTargets(
  operationResults: OperationResult[],
  ceiling: Record<string, Measurement>,
  referenceCeiling: Record<string, Measurement>,
  workerCaughtUp: number | null,
): Target[] {
  const targets: Target[] = [];
  const byKey = new Map(operationResults.map((o) => [o.key, o]));
  const share = (name: string, goal: number, measured?: Measurement, bare?: Measurement) => {
    const value = measured && bare ? measured.rps / bare.rps : undefined;
    targets.push({
      name,
      goal: `≥ ${goal} × bare`,
      measured:
        value === undefined
          ? "not measured"
          : `${value.toFixed(2)} × bare (${Math.round(measured!.rps)} vs ${Math.round(bare!.rps)} req/s)`,
      met: value === undefined ? null : value >= goal,
    });
  };
  const latency = (name: string, goal: number, measured?: Measurement, bare?: Measurement) => {
    const value = measured && bare ? measured.p50 / bare.p50 : undefined;
    targets.push({
      name,
      goal: `≤ ${goal} × bare`,
      measured:
        value === undefined
          ? "not measured"
          : `${value.toFixed(2)} × bare (${measured!.p50.toFixed(2)} vs ${bare!.p50.toFixed(2)} ms)`,
      met: value === undefined ? null : value <= goal,
    });
  };
  share("GET /healthz, req/s at concurrency 16", 0.7, ceiling[16], referenceCeiling[16]);
  const get = byKey.get("get_window")?.results;
  const bareGet = get?.reference;
  for (const path of ["rest", "trpc"] as const) {
    share(`get memory, req/s at concurrency 16 (${pathLabels[path]})`, 0.6, get?.[path]?.[16], bareGet?.[16]);
    latency(`get memory, p50 at concurrency 1 (${pathLabels[path]})`, 1.5, get?.[path]?.[1], bareGet?.[1]);
  }
  // The bare server serves get memory only: lists and searches are held to its get memory,
  // measured in turns with them.
  for (const key of ["list", "search"]) {
    const operation = byKey.get(key);
    for (const path of ["rest", "trpc"] as const) {
      share(
        `${operation?.label ?? key}, req/s at concurrency 16 (${pathLabels[path]}) vs the bare get memory`,
        0.6,
        operation?.results[path]?.[16],
        operation?.results.bareGet?.[16],
      );
    }
  }
  const add = byKey.get("add")?.results;
  for (const path of ["rest", "trpc"] as const) {
    latency(
      `add memory, p50 at concurrency 1, worker on (${pathLabels[path]})`,
      1.5,
      add?.[path]?.[1],
      add?.reference?.[1],
    );
  }
  targets.push({
    name: "background worker caught up after the last add",
    goal: "≤ 10 s",
    measured: workerCaughtUp === null ? "not within 60 s" : `${workerCaughtUp} s`,
    met: workerCaughtUp === null ? false : workerCaughtUp <= 10,
  });
  return targets;
}

async function main() {
  if (args.help) {
    log(usage);
    return;
  }
  const started = performance.now();
  const distDir = args.dist!;
  const notes: string[] = [];

  if (!args["no-build"]) {
    log(`Building into ${distDir} ...`);
    await buildServer(distDir);
  }

  log(`Creating database ${args.database} ...`);
  const databaseUrl = await freshDatabase(args.database!);
  const database: Database = await openDatabase({ url: databaseUrl, poolSize: settings.poolSize });
  const db = database.db;
  const [version] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  let server: RunningServer | undefined;
  let reference: RunningServer | undefined;
  try {
    log("Seeding sessions ...");
    await seedSessions(db, readSessions);
    await seedSessions(db, writeSessions);
    for (const size of settings.sessionSizes) {
      await seedSessions(db, { prefix: `${scalePrefix}-${size}`, count: 1, messagesPerSession: size });
    }
    await settle(db);

    server = await startServer({
      distDir,
      port: Number(args.port),
      env: {
        DATABASE_URL: databaseUrl,
        ENGRAM_API_KEY: apiKey,
        ENGRAM_DB_POOL_SIZE: String(settings.poolSize),
        ENGRAM_WORKER: args.worker!,
      },
    });
    reference = await startReference({ port: Number(args.port) + 1, databaseUrl, apiKey });
    const idleMemory = residentMemory(server.pid) ?? 0;
    log(`Server ${server.url} (pid ${server.pid}, ${idleMemory.toFixed(0)} MiB resident)`);
    const memory = watchMemory(server.pid);
    // With Postgres the background worker runs in a child process: its memory is its own.
    const workerMemory = (await workerProcessesOf(server.pid)).map((pid) => watchMemory(pid));

    // What the HTTP stack alone serves on this machine: a route with no database and no auth,
    // through Engram and through the bare reference, taking turns.
    log("\nHTTP ceiling: GET /healthz");
    const ceiling: Record<string, Measurement> = {};
    const referenceCeiling: Record<string, Measurement> = {};
    const healthz = (): HttpCall => ({ method: "GET", path: "/healthz" });
    await measureHttp(httpOptions(server, 16, settings.warmupSeconds), healthz);
    await measureHttp(httpOptions(reference, 16, settings.warmupSeconds), healthz);
    for (const c of settings.concurrency) {
      const measured = await inTurns(
        [
          ["Engram", server],
          ["bare", reference],
        ],
        (target) => measureHttp(httpOptions(target, c, settings.seconds / settings.rounds), healthz),
      );
      ceiling[c] = measured.get("Engram")!;
      referenceCeiling[c] = measured.get("bare")!;
      for (const [name, m] of measured) {
        log(`  ${`GET /healthz, ${name}`.padEnd(28)} c=${String(c).padEnd(2)}  ${formatMeasurement(m)}`);
      }
    }

    // Reads first, then the scaling reads, and the add last: what it adds keeps the background
    // worker busy for a while, which the database top-up waits out anyway.
    const reads = operations.filter((operation) => operation.key !== "add");
    const operationResults = await measureOperations(db, server, reference, reads, notes);

    const api = (await probe(server, scalingOperations[0]!.rest(`${scalePrefix}-10-0`)(0))) ? "trpc" : "rest";
    log(`\nScaling (${pathLabels[api]}, concurrency 1)`);
    const scaling = await measureScaling(db, server, api, await countMessages(db));

    const writes = operations.filter((operation) => operation.key === "add");
    operationResults.push(...(await measureOperations(db, server, reference, writes, notes)));
    const lastAdd = performance.now();
    const caughtUp = args.worker === "on" ? await waitForEnrichment(db, 60) : undefined;
    const workerCaughtUp = caughtUp === undefined ? null : round(caughtUp, 1);
    log(
      workerCaughtUp === null
        ? "  the background worker had not caught up 60 s after the last add"
        : `  the background worker caught up ${workerCaughtUp} s after the last add`,
    );

    log(`\nTopping the database up to ${settings.databaseMessages.toLocaleString("en-US")} messages ...`);
    const seedStarted = performance.now();
    const before = await countMessages(db);
    await topUp(db);
    await settle(db);
    notes.push(
      `seeding the database from ${before.toLocaleString("en-US")} to ${settings.databaseMessages.toLocaleString("en-US")} messages took ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
    );
    const drained = await waitForEnrichment(db, quick ? 30 : 120);
    const drainNote =
      drained === undefined
        ? "the background worker had not caught up with the messages added by the add measurements when scaling was measured again"
        : `the background worker had enriched and summarized the messages of the add measurements ${((performance.now() - lastAdd) / 1000).toFixed(0)} s after the last add (including the database top-up)`;
    log(`  ${drainNote}`);
    notes.push(drainNote);
    scaling.push(...(await measureScaling(db, server, api, await countMessages(db))));
    memory.stop();
    for (const watch of workerMemory) watch.stop();

    const results: Results = {
      generated_at: new Date().toISOString(),
      mode: quick ? "quick" : "full",
      machine: machine(`PostgreSQL ${version?.server_version ?? "unknown"}`),
      settings: {
        seconds_per_measurement: settings.seconds,
        rounds_per_measurement: settings.rounds,
        concurrency: settings.concurrency,
        db_pool_size: settings.poolSize,
        worker: args.worker!,
        api_for_scaling: pathLabels[api],
      },
      http_ceiling: ceiling,
      reference_ceiling: referenceCeiling,
      operations: operationResults,
      scaling,
      server_memory_mib: {
        idle: round(idleMemory, 1),
        peak_under_load: round(memory.peak, 1),
        ...(workerMemory.length > 0 && {
          worker_peak: round(Math.max(...workerMemory.map((watch) => watch.peak)), 1),
          worker_processes: workerMemory.length,
        }),
      },
      worker_caught_up_s: workerCaughtUp,
      targets: [],
      notes,
    };
    results.targets = [
      ...referenceTargets(operationResults, ceiling, referenceCeiling, workerCaughtUp),
      ...evaluateTargets(operationResults, scaling, memory.peak, pathLabels[api]),
    ];
    log("\nTargets");
    for (const target of results.targets) {
      log(
        `  ${target.met === null ? "?" : target.met ? "✓" : "✗"} ${target.name}: ${target.measured} (goal ${target.goal})`,
      );
    }
    for (const file of writeResults(results)) log(`Wrote ${file}`);
    log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await server?.stop();
    await reference?.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
