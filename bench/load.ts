import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { type Measurement, summarise } from "./stats";

export interface HttpCall {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

/** Builds the `n`-th call of a run (counted over all connections). */
export type CallFactory = (n: number) => HttpCall;

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** The serving process, whose CPU time per request is reported. */
  pid?: number;
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Drives the server with autocannon for `seconds` over `connections` keep-alive connections, each
 * sending its next call as soon as the previous answer arrives. Latencies are taken from
 * autocannon's per-response timings (sub-millisecond) rather than its whole-millisecond histogram.
 */
export async function measureHttp(options: LoadOptions, callFor: CallFactory): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let firstFailure: string | undefined;
  let sent = 0;

  let finish: (error: Error | null, result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const cpuBefore = options.pid === undefined ? undefined : processCpuMs(options.pid);
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      headers: options.headers,
      requests: [
        {
          setupRequest: (request) => {
            const call = callFor(sent++);
            return {
              ...request,
              method: call.method,
              path: call.path,
              headers: { ...request.headers, "content-type": "application/json" },
              body: call.body === undefined ? undefined : JSON.stringify(call.body),
            } as typeof request;
          },
          onResponse: (status, body) => {
            if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(0, 300)}`;
          },
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors += 1;
  });
  instance.on("reqError", () => {
    errors += 1;
  });
  const result = await done;
  const cpuAfter = options.pid === undefined ? undefined : processCpuMs(options.pid);
  if (firstFailure) console.warn(`    first failed call: ${firstFailure}`);
  const measurement = summarise(latencies, errors + result.timeouts, result.duration);
  const answered = latencies.length + errors;
  if (cpuBefore !== undefined && cpuAfter !== undefined && answered > 0) {
    measurement.server_cpu_ms = Number(((cpuAfter - cpuBefore) / answered).toFixed(3));
  }
  return measurement;
}
