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
  if (firstFailure) console.warn(`    first failed call: ${firstFailure}`);
  return summarise(latencies, errors + result.timeouts, result.duration);
}
