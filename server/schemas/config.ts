import { z } from "zod";

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** The environment Engram reads: every variable, its default and its bounds. */
export const configSchema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  ENGRAM_DATA_DIR: z.string().trim().min(1).default("./.data"),
  ENGRAM_DB_POOL_SIZE: integer(10, 1, 200),
  // Limits on real Postgres, so that no call waits long on an unreachable or stuck database.
  ENGRAM_DB_CONNECT_TIMEOUT_MS: integer(5_000, 100, 600_000),
  ENGRAM_DB_IDLE_TIMEOUT_MS: integer(60_000, 1_000, 86_400_000),
  ENGRAM_DB_STATEMENT_TIMEOUT_MS: integer(10_000, 100, 3_600_000),
  // A request still unanswered after this long gets 503 with Retry-After.
  ENGRAM_REQUEST_TIMEOUT_MS: integer(15_000, 100, 3_600_000),
  // On SIGTERM/SIGINT: the longest wait for in-flight work before leases are released and the pool closed.
  ENGRAM_SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 600_000),
  // debug: failed requests and jobs log the whole error, SQL included; info: one line each.
  ENGRAM_LOG_LEVEL: optionalText.pipe(z.enum(["info", "debug"]).default("info")),
  ENGRAM_API_KEY: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  ENGRAM_MEMORY_WINDOW: integer(12, 2, 10_000),
  ENGRAM_MAX_MESSAGE_CHARS: integer(262_144, 1, 10_000_000),
  ENGRAM_MAX_BATCH_MESSAGES: integer(1_000, 1, 100_000),
  ENGRAM_MAX_BODY_BYTES: integer(5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  // Summarizer: the built-in extractive one unless an OpenAI-compatible endpoint is configured.
  ENGRAM_SUMMARIZER_PROVIDER: optionalText.pipe(z.enum(["extractive", "openai"]).optional()),
  ENGRAM_SUMMARIZER_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ENGRAM_SUMMARIZER_API_KEY: optionalText,
  ENGRAM_SUMMARIZER_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  ENGRAM_SUMMARIZER_TIMEOUT_MS: integer(60_000, 100, 3_600_000),
  ENGRAM_SUMMARIZER_CONTEXT_TOKENS: integer(8_192, 512, 10_000_000),
  ENGRAM_SUMMARIZER_MAX_TOKENS: integer(512, 16, 100_000),
  ENGRAM_SUMMARIZER_PROMPT: optionalText,
  ENGRAM_SUMMARIZER_PROMPT_FILE: optionalText,
  // Embeddings: only when an OpenAI-compatible /embeddings endpoint is configured.
  ENGRAM_EMBEDDINGS_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ENGRAM_EMBEDDINGS_API_KEY: optionalText,
  ENGRAM_EMBEDDINGS_MODEL: z.string().trim().min(1).default("text-embedding-3-small"),
  ENGRAM_EMBEDDINGS_DIMENSIONS: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65_536).optional(),
  ),
  ENGRAM_EMBEDDINGS_TIMEOUT_MS: integer(30_000, 100, 600_000),
  ENGRAM_ENTITIES: optionalText.pipe(z.enum(["on", "off"]).default("on")),
  // Fact extraction: its own OpenAI-compatible endpoint, else the summarizer's; off without either.
  ENGRAM_FACTS: optionalText.pipe(z.enum(["on", "off"]).default("on")),
  ENGRAM_FACTS_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ENGRAM_FACTS_API_KEY: optionalText,
  ENGRAM_FACTS_MODEL: optionalText,
  ENGRAM_FACTS_TIMEOUT_MS: integer(60_000, 100, 3_600_000),
  ENGRAM_FACTS_BATCH_MESSAGES: integer(50, 1, 1_000),
  // A session's new messages wait for this many, or for this long a pause, before a model call.
  ENGRAM_FACTS_MIN_MESSAGES: integer(4, 1, 1_000),
  ENGRAM_FACTS_QUIET_MS: integer(60_000, 0, 86_400_000),
  ENGRAM_FACTS_MAX_TOKENS: integer(1_024, 16, 100_000),
  // Background worker: off to run an instance that only serves requests.
  ENGRAM_WORKER: optionalText.pipe(z.enum(["on", "off"]).default("on")),
  ENGRAM_WORKER_POLL_MS: integer(1_000, 10, 3_600_000),
  ENGRAM_WORKER_SETTLE_MS: integer(250, 0, 60_000),
  // Sessions a worker processes at once: its steps mostly wait on the database, so several overlap.
  ENGRAM_WORKER_CONCURRENCY: integer(8, 1, 64),
  // Worker processes beside the server (with Postgres): entity tagging is CPU work, one core each.
  ENGRAM_WORKER_PROCESSES: integer(2, 1, 16),
  // Renewed every third of its length while the work goes on, so a crashed worker's sessions wait at most this long.
  ENGRAM_WORKER_LEASE_MS: integer(30_000, 1_000, 86_400_000),
  ENGRAM_WORKER_RETRY_BASE_MS: integer(5_000, 1, 86_400_000),
  ENGRAM_WORKER_RETRY_MAX_MS: integer(900_000, 1, 86_400_000),
});

export type Config = z.infer<typeof configSchema>;
