import { describe, expect, it } from "vitest";
import { startServer } from "../support/server";

describe("starting with a bad configuration", () => {
  it("stops with a message naming the variable instead of answering 500", async () => {
    const started = startServer("startup_bad_config", { ENGRAM_API_KEY: "short" });
    const error = await started.then(
      async (server) => {
        await server.stop();
        return undefined;
      },
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(/server exited with 1/);
    expect(error?.message).toContain("Engram cannot start");
    expect(error?.message).toContain("ENGRAM_API_KEY: must be at least 16 characters");
    // The rejected value itself never reaches the log.
    expect(error?.message).not.toMatch(/\bshort\b/);
  });
});
