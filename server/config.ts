import { type Config, configSchema } from "./schemas/config";

export type { Config };

export class ConfigError extends Error {}

let cached: Config | undefined;

/** The validated configuration; a bad value stops the server with a message naming the variable. */
export function config(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the parsed configuration, so the next call reads the environment again (tests). */
export function resetConfig(): void {
  cached = undefined;
}
