/** One measured operation: throughput and latency percentiles (milliseconds). */
export interface Measurement {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time (user + system) the serving process spent per request, in ms; HTTP paths only. */
  server_cpu_ms?: number;
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}

/** The latencies behind each measurement, so that measurements taken in rounds can be combined. */
const latenciesOf = new WeakMap<Measurement, number[]>();

/** Summarises the latencies (ms) of the successful calls made in `seconds`. */
export function summarise(latencies: number[], errors: number, seconds: number): Measurement {
  const values = Array.from(Float64Array.from(latencies).sort());
  const measurement: Measurement = {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
  };
  latenciesOf.set(measurement, values);
  return measurement;
}

/**
 * Measurements of one path taken in rounds as one: their calls, time and latencies together, and
 * the server's CPU time per answered call over all of them.
 */
export function combine(parts: Measurement[]): Measurement {
  if (parts.length === 1) return parts[0]!;
  const measurement = summarise(
    parts.flatMap((part) => latenciesOf.get(part) ?? []),
    parts.reduce((sum, part) => sum + part.errors, 0),
    parts.reduce((sum, part) => sum + part.seconds, 0),
  );
  if (parts.every((part) => part.server_cpu_ms !== undefined)) {
    const answered = parts.reduce((sum, part) => sum + part.requests + part.errors, 0);
    const cpuMs = parts.reduce((sum, part) => sum + part.server_cpu_ms! * (part.requests + part.errors), 0);
    if (answered > 0) measurement.server_cpu_ms = Number((cpuMs / answered).toFixed(3));
  }
  return measurement;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
