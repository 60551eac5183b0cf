import { type Config, config } from "../config";
import { embeddingsReply } from "../schemas/providers";
import { type EndpointOptions, ProviderError, postJson } from "./llm";

/** Turns texts into unit-length vectors, so that cosine similarity is a dot product. */
export interface Embedder {
  readonly name: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface OpenAiEmbedderOptions extends EndpointOptions {
  model: string;
  /** Asked of the model, and checked on every vector it returns. */
  dimensions?: number;
  /** Texts per request. */
  batchSize?: number;
}

// Embedding models take ~8k tokens; the start of a very long text stands for it.
const maxInputChars = 24_000;

/** Scales a vector to unit length; a zero or non-finite vector is refused. */
export function normalize(vector: number[]): number[] {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (!Number.isFinite(norm) || norm === 0)
    throw new ProviderError("the embeddings endpoint returned an empty vector");
  return vector.map((value) => value / norm);
}

export function openAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const what = "the embeddings endpoint";
  const batchSize = options.batchSize ?? 64;
  return {
    name: `openai:${options.model}`,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        // Empty strings are refused by some endpoints; a space embeds as "nothing".
        const input = texts
          .slice(start, start + batchSize)
          .map((text) => text.slice(0, maxInputChars) || " ");
        const body = {
          model: options.model,
          input,
          ...(options.dimensions && { dimensions: options.dimensions }),
        };
        const reply = embeddingsReply.safeParse(await postJson(options, "embeddings", body, what));
        if (!reply.success || reply.data.data.length !== input.length) {
          throw new ProviderError(`${what} answered without one embedding per input`);
        }
        const ordered = reply.data.data.map((item, position) => ({
          at: item.index ?? position,
          vector: item.embedding,
        }));
        ordered.sort((a, b) => a.at - b.at);
        const expected = options.dimensions ?? vectors[0]?.length ?? ordered[0]!.vector.length;
        for (const { vector } of ordered) {
          if (vector.length !== expected) {
            throw new ProviderError(
              `${what} returned a ${vector.length}-dimension vector; expected ${expected}`,
            );
          }
          vectors.push(normalize(vector));
        }
      }
      return vectors;
    },
  };
}

const cache = new WeakMap<Config, Embedder | null>();

/** The configured embedder, or undefined when no embeddings endpoint is configured. */
export function embedderFromConfig(settings: Config = config()): Embedder | undefined {
  if (!cache.has(settings)) {
    cache.set(
      settings,
      settings.ENGRAM_EMBEDDINGS_BASE_URL
        ? openAiEmbedder({
            baseUrl: settings.ENGRAM_EMBEDDINGS_BASE_URL,
            apiKey: settings.ENGRAM_EMBEDDINGS_API_KEY,
            model: settings.ENGRAM_EMBEDDINGS_MODEL,
            dimensions: settings.ENGRAM_EMBEDDINGS_DIMENSIONS,
            timeoutMs: settings.ENGRAM_EMBEDDINGS_TIMEOUT_MS,
          })
        : null,
    );
  }
  return cache.get(settings) ?? undefined;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) dot += a[i]! * b[i]!;
  return dot;
}
