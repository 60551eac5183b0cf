import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createFreshDatabase, testDatabasePrefix } from "../support/databases";
import { freePort } from "../support/process";

// `next dev` points tsconfig.json and next-env.d.ts at its build folder: put them back afterwards.
const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => [file, readFileSync(file, "utf8")] as const);
const distDir = ".next-devtest";
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    // npm, its shell and the server run in their own process group.
    process.kill(-child.pid, "SIGTERM");
    await exited;
  }
  for (const [file, text] of kept) writeFileSync(file, text);
  // The dev server may still be writing into its folder as it goes: retry until it is empty.
  rmSync(distDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

describe("npm run dev", () => {
  it("serves the API and the pages from one port", { timeout: 240_000 }, async () => {
    const databaseUrl = await createFreshDatabase(`${testDatabasePrefix}_door_dev`);
    const port = await freePort();
    const apiKey = "dev-test-key-0123456789";
    let log = "";
    child = spawn("npm", ["run", "dev"], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        ENGRAM_API_KEY: apiKey,
        ENGRAM_DIST_DIR: distDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}:\n${log}`);
      if (Date.now() > deadline) throw new Error(`npm run dev did not answer /healthz:\n${log}`);
      const health = await fetch(`${url}/healthz`).catch(() => undefined);
      if (health?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const stored = await fetch(`${url}/api/v2/sessions/dev-session/memory`, {
      method: "POST",
      headers: { Authorization: `Api-Key ${apiKey}` },
      body: JSON.stringify({ messages: [{ role: "user", role_type: "user", content: "hello from dev" }] }),
    });
    expect(await stored.json()).toEqual({ message: "OK" });
    const memory = await fetch(`${url}/api/v1/sessions/dev-session/memory`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    expect(memory.status).toBe(200);
    expect((await memory.json()).messages[0].content).toBe("hello from dev");

    // The first page a fresh install shows, compiled on demand by Next's dev server.
    const page = await fetch(`${url}/setup`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("Welcome to Engram");
  });
});
