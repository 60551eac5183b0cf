import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the stub answers: `ok` as OpenAI does; `unavailable` with 503; `slow` never (until closed),
 * so clients time out; `garbage` with 200 and a body that is not an API reply.
 */
export type StubMode = "ok" | "unavailable" | "slow" | "garbage";

export interface ChatRequest {
  model: string;
  prompt: string;
}

/** A small HTTP server speaking OpenAI's chat completions and embeddings protocol. */
export interface OpenAiStub {
  /** Base URL to configure, ending in /v1. */
  readonly url: string;
  mode: StubMode;
  readonly chatRequests: ChatRequest[];
  readonly embeddingInputs: string[];
  /** The text each chat completion answers with. */
  summarize: (request: ChatRequest) => string;
  /** The vector each embedding input gets. */
  embed: (text: string) => number[];
  /** Resolves when the next chat request has arrived. */
  nextChatRequest(): Promise<ChatRequest>;
  /** Holds chat replies until the returned function is called. */
  holdChat(): () => void;
  close(): Promise<void>;
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** A deterministic bag-of-words embedding: each word adds to one of `dimensions` slots. */
export function hashedEmbedding(text: string, dimensions = 32): number[] {
  const vector: number[] = Array.from({ length: dimensions }, () => 0);
  for (const word of words(text)) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % dimensions]! += 1;
  }
  if (Math.max(...vector) === 0) vector[0] = 1;
  return vector;
}

/**
 * An embedding in which words of one concept group share one strong dimension, as a real model
 * would place synonyms together; other words fall into hashed dimensions.
 */
export function conceptEmbedding(concepts: string[][]): (text: string) => number[] {
  return (text) => {
    const vector = hashedEmbedding(text, 32).map((value) => value * 0.2);
    for (const word of words(text)) {
      const concept = concepts.findIndex((group) => group.includes(word));
      if (concept >= 0) vector[concept] = (vector[concept] ?? 0) + 5;
    }
    return vector;
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startOpenAiStub(): Promise<OpenAiStub> {
  const waiting: ((request: ChatRequest) => void)[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const openResponses = new Set<ServerResponse>();

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    openResponses.add(response);
    response.on("close", () => openResponses.delete(response));
    const body = JSON.parse((await readBody(request)) || "{}") as {
      model?: string;
      messages?: { content: string }[];
      input?: string[] | string;
    };
    if (stub.mode === "slow") return;
    if (stub.mode === "unavailable") return send(response, 503, { error: { message: "overloaded" } });
    if (stub.mode === "garbage") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><body>502 Bad Gateway</body></html>");
      return;
    }
    if (request.url === "/v1/chat/completions") {
      const chat = {
        model: body.model ?? "",
        prompt: (body.messages ?? []).map((m) => m.content).join("\n"),
      };
      stub.chatRequests.push(chat);
      for (const resolve of waiting.splice(0)) resolve(chat);
      const reply = () =>
        send(response, 200, {
          id: `chatcmpl-${stub.chatRequests.length}`,
          object: "chat.completion",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: stub.summarize(chat) },
              finish_reason: "stop",
            },
          ],
        });
      if (holding) held.push(reply);
      else reply();
      return;
    }
    if (request.url === "/v1/embeddings") {
      const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ""];
      stub.embeddingInputs.push(...inputs);
      return send(response, 200, {
        object: "list",
        data: inputs.map((text, index) => ({ object: "embedding", index, embedding: stub.embed(text) })),
        model: body.model,
      });
    }
    send(response, 404, { error: { message: "not found" } });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const stub: OpenAiStub = {
    url: `http://127.0.0.1:${port}/v1`,
    mode: "ok",
    chatRequests: [],
    embeddingInputs: [],
    summarize: () => `Summary ${stub.chatRequests.length}`,
    embed: (text) => hashedEmbedding(text),
    nextChatRequest: () => new Promise((resolve) => waiting.push(resolve)),
    holdChat() {
      holding = true;
      return () => {
        holding = false;
        for (const reply of held.splice(0)) reply();
      };
    },
    async close() {
      for (const response of openResponses) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return stub;
}
