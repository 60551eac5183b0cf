/**
 * Tokens in `text` under cl100k_base, the encoding of the GPT-3.5/GPT-4 family. Exact wherever a
 * window holds a word boundary; a window without one (a long unbroken run) is cut and counted in parts.
 */
export declare function countTokens(text: string): number;
