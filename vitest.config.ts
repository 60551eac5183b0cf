import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two cores: two test files at a time, each with its own databases.
    maxWorkers: 2,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
