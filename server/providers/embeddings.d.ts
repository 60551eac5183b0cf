import { type Config } from "../config";
import { type EndpointOptions } from "./llm";
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
/** Scales a vector to unit length; a zero or non-finite vector is refused. */
export declare function normalize(vector: number[]): number[];
export declare function openAiEmbedder(options: OpenAiEmbedderOptions): Embedder;
/** The configured embedder, or undefined when no embeddings endpoint is configured. */
export declare function embedderFromConfig(settings?: Config): Embedder | undefined;
/** Cosine similarity of two unit vectors. */
export declare function cosine(a: readonly number[], b: readonly number[]): number;
