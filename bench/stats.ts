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

/** Summarises the latencies (ms) of the successful calls made in `seconds`. */
export function summarise(latencies: number[], errors: number, seconds: number): Measurement {
  const sorted = Float64Array.from(latencies).sort();
  const values = Array.from(sorted);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
  };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
