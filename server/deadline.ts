import { config } from "./config";
import { unavailable } from "./errors";

/**
 * The work's result, or UNAVAILABLE once ENGRAM_REQUEST_TIMEOUT_MS has passed: a caller never
 * waits longer, even when the database hangs. The work itself runs on (its statements are bounded
 * by the statement timeout); a write it completes late is one the caller may retry with its uuids.
 */
export async function withinRequestDeadline<T>(work: () => Promise<T>): Promise<T> {
  const limitMs = config().ENGRAM_REQUEST_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(unavailable(`Engram could not answer within ${limitMs / 1000} s; retry shortly`)),
      limitMs,
    );
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}
