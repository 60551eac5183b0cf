import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Measurement, round } from "./stats";

export type Path = "floor" | "service" | "reference" | "bareGet" | "trpc" | "rest";
export const paths: Path[] = ["floor", "service", "reference", "bareGet", "trpc", "rest"];
export const pathLabels: Record<Path, string> = {
  floor: "floor (Drizzle → Postgres)",
  service: "service (in process)",
  reference: "bare node:http + postgres.js",
  bareGet: "bare get memory, in turns",
  trpc: "tRPC over HTTP",
  rest: "REST /api/v2",
};

export interface OperationResult {
  key: string;
  label: string;
  /** Per path, per concurrency ("1", "16"); missing when a path is not served. */
  results: Partial<Record<Path, Record<string, Measurement>>>;
}

export interface ScalingPoint {
  database_messages: number;
  session_messages: number;
  operation: string;
  api: Measurement;
  floor: Measurement;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memory_gib: number;
  os: string;
  node: string;
  postgres: string;
}

export interface Results {
  generated_at: string;
  mode: "full" | "quick";
  machine: Machine;
  settings: {
    seconds_per_measurement: number;
    /** Each measurement's seconds are split into rounds, the paths compared taking turns. */
    rounds_per_measurement?: number;
    concurrency: number[];
    db_pool_size: number;
    /** The server's background enrichment worker. */
    worker: string;
    api_for_scaling: string;
  };
  /** GET /healthz (no database, no auth) per concurrency: the most the HTTP stack serves here. */
  http_ceiling: Record<string, Measurement>;
  /** The same through the bare reference server. */
  reference_ceiling: Record<string, Measurement>;
  operations: OperationResult[];
  scaling: ScalingPoint[];
  /**
   * The server process; `worker_peak` is the largest of the background worker's own processes, when
   * it has them (`worker_processes` of them).
   */
  server_memory_mib: {
    idle: number;
    peak_under_load: number;
    worker_peak?: number;
    worker_processes?: number;
  };
  /** Seconds from the last add of the add measurements until the background worker had caught up. */
  worker_caught_up_s: number | null;
  targets: Target[];
  notes: string[];
}

export function machine(postgresVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memory_gib: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "–");
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");

function operationTable(operations: OperationResult[], concurrency: number[]): string[] {
  const lines = [
    "| Operation | Path | Concurrency | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ floor | p50 ÷ floor | server CPU ms/req | errors |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const operation of operations) {
    for (const c of concurrency) {
      const floor = operation.results.floor?.[c];
      for (const path of paths) {
        const m = operation.results[path]?.[c];
        if (!m) continue;
        const vsFloor = floor && path !== "floor";
        lines.push(
          `| ${operation.label} | ${pathLabels[path]} | ${c} | ${Math.round(m.rps)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${
            vsFloor ? ratio(m.rps / floor.rps) : ""
          } | ${vsFloor ? ratio(m.p50 / floor.p50) : ""} | ${m.server_cpu_ms === undefined ? "" : ms(m.server_cpu_ms)} | ${m.errors} |`,
        );
      }
    }
  }
  return lines;
}

function scalingTable(points: ScalingPoint[], api: string): string[] {
  const lines = [
    `| Messages in database | Messages in session | Operation | ${api} p50 ms | ${api} p99 ms | floor p50 ms | floor p99 ms |`,
    "|--:|--:|---|--:|--:|--:|--:|",
  ];
  for (const point of points) {
    lines.push(
      `| ${point.database_messages.toLocaleString("en-US")} | ${point.session_messages.toLocaleString("en-US")} | ${
        point.operation
      } | ${ms(point.api.p50)} | ${ms(point.api.p99)} | ${ms(point.floor.p50)} | ${ms(point.floor.p99)} |`,
    );
  }
  return lines;
}

function ceiling(measurements: Record<string, Measurement> | undefined, results: Results): string {
  return results.settings.concurrency
    .map((c) => {
      const m = measurements?.[c];
      if (!m) return "";
      const cpu =
        m.server_cpu_ms === undefined ? "" : `, ${ms(m.server_cpu_ms)} ms of server CPU per request`;
      return `${Math.round(m.rps)} req/s, p50 ${ms(m.p50)} ms${cpu} at concurrency ${c}`;
    })
    .filter(Boolean)
    .join("; ");
}

export function markdown(results: Results): string {
  const m = results.machine;
  return [
    "# Engram benchmark",
    "",
    `Run ${results.generated_at} (${results.mode} mode, ${results.settings.seconds_per_measurement} s per measurement` +
      `${results.settings.rounds_per_measurement ? ` in ${results.settings.rounds_per_measurement} rounds, the paths taking turns` : ""}, ` +
      `database pool ${results.settings.db_pool_size}, background worker ${results.settings.worker}) on ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, ${m.os}, ` +
      `Node ${m.node}, ${m.postgres}. Load generator, server and Postgres share the same cores.`,
    "",
    "## Targets",
    "",
    "| Target | Goal | Measured | Met |",
    "|---|---|---|---|",
    ...results.targets.map(
      (t) =>
        `| ${t.name} | ${t.goal} | ${t.measured} | ${t.met === null ? "not measured" : t.met ? "yes" : "**no**"} |`,
    ),
    "",
    "## Operations",
    "",
    "The floor runs the same SQL statements as the service, through Drizzle on postgres.js, in the benchmark's",
    "process; the service row calls the service function in process (validation, tokenizer, shaping, no HTTP).",
    "Server CPU is the CPU time the serving process itself used per request (Engram's background worker,",
    "in its own process, is not counted): on shared cores it says more than req/s about what a path costs.",
    "",
    ...operationTable(results.operations, results.settings.concurrency),
    "",
    "The bare reference (`bench/reference.ts`) is a hand-written `node:http` server on postgres.js in its own",
    "process, with one prepared statement for get memory and the same transaction for add memory, same JSON.",
    "",
    `HTTP ceiling: \`GET /healthz\` (no database, no authentication) through Engram: ${ceiling(results.http_ceiling, results)}; ` +
      `through the bare reference: ${ceiling(results.reference_ceiling, results)}.`,
    "",
    "## Scaling",
    "",
    "Latency at concurrency 1 for sessions of growing length, first in a small database, then with the",
    "database topped up with other sessions.",
    "",
    ...scalingTable(results.scaling, results.settings.api_for_scaling),
    "",
    "## Server memory",
    "",
    `Resident memory of Engram's server process: ${results.server_memory_mib.idle.toFixed(0)} MiB after start, ` +
      `${results.server_memory_mib.peak_under_load.toFixed(0)} MiB at its peak under load` +
      (results.server_memory_mib.worker_peak === undefined
        ? "."
        : (results.server_memory_mib.worker_processes ?? 1) === 1
          ? `; the background worker's own process peaked at ${results.server_memory_mib.worker_peak.toFixed(0)} MiB.`
          : `; each of the background worker's ${results.server_memory_mib.worker_processes} processes peaked at ` +
            `${results.server_memory_mib.worker_peak.toFixed(0)} MiB at most.`),
    ...(results.notes.length ? ["", "## Notes", "", ...results.notes.map((note) => `- ${note}`)] : []),
    "",
  ].join("\n");
}

export function writeResults(
  results: Results,
  folder = path.join(process.cwd(), "bench", "results"),
): string[] {
  mkdirSync(folder, { recursive: true });
  const json = path.join(folder, "latest.json");
  const md = path.join(folder, "latest.md");
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, markdown(results));
  return [json, md];
}
