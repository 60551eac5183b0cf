import { describe, expect, it } from "vitest";
import { serverForTests } from "../support/server";

/** The production server: memory added over REST is summarized by the worker its instrumentation starts. */
describe("enrichment over HTTP", () => {
  const server = serverForTests("enrich_http", { ENGRAM_WORKER_POLL_MS: "20", ENGRAM_MEMORY_WINDOW: "8" });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });

  async function statusOf(version: string, sessionId: string) {
    const response = await call(`/api/${version}/sessions/${encodeURIComponent(sessionId)}/enrichment`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("reports a session's enrichment and the background worker brings it up to date", async () => {
    const sessionId = "trip planning";
    const messages = Array.from({ length: 20 }, (_, i) => ({
      role: i % 2 ? "Bot" : "Maria",
      role_type: i % 2 ? "assistant" : "user",
      content: i === 0 ? "I am Maria Costa and I fly to Tokyo on May 3." : `Turn ${i} about the itinerary.`,
    }));
    expect(
      (
        await call(`/api/v2/sessions/${encodeURIComponent(sessionId)}/memory`, {
          method: "POST",
          body: JSON.stringify({ messages }),
        })
      ).status,
    ).toBe(200);

    // The worker runs in the server's background; wait for it to report the session done.
    let latest = await statusOf("v2", sessionId);
    for (let tries = 0; latest.body.state !== "up_to_date" && tries < 300; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      latest = await statusOf("v2", sessionId);
    }
    expect(latest).toMatchObject({
      status: 200,
      body: {
        session_id: sessionId,
        state: "up_to_date",
        unsummarized_messages: 4,
        attempts: 0,
        last_error: null,
      },
    });
    expect((await statusOf("v1", sessionId)).body.state).toBe("up_to_date");

    const memory = (await (
      await call(`/api/v2/sessions/${encodeURIComponent(sessionId)}/memory?memoryType=perpetual`)
    ).json()) as {
      messages: { content: string }[];
      summary: { content: string };
    };
    expect(memory.messages).toHaveLength(4);
    expect(memory.summary.content).toContain("Tokyo");
  });

  it("answers 404 for an unknown session and 401 without a key", async () => {
    expect(await statusOf("v1", "nobody")).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
    const anonymous = await fetch(`${server.url}/api/v2/sessions/x/enrichment`);
    expect(anonymous.status).toBe(401);
  });
});
