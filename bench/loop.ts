import { type Measurement, summarise } from "./stats";

/**
 * Calls `operation` from `concurrency` loops at once for `seconds` (and at most `maxCalls` times),
 * each loop starting its next call when the previous one settles.
 */
export async function measureLoop(
  concurrency: number,
  seconds: number,
  operation: (n: number) => Promise<unknown>,
  maxCalls = 1_000_000,
): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let calls = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  async function worker() {
    while (performance.now() < deadline && calls < maxCalls) {
      const n = calls++;
      const begin = performance.now();
      try {
        await operation(n);
        latencies.push(performance.now() - begin);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  if (firstError) console.warn("    first failed call:", firstError);
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
