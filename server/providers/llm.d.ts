/** Where an OpenAI-compatible API lives (OpenAI, Azure, Ollama, vLLM...). */
export interface EndpointOptions {
    /** Base URL up to the version, e.g. https://api.openai.com/v1 */
    baseUrl: string;
    apiKey?: string;
    timeoutMs: number;
}
/** A provider that failed or answered something unusable; the message is safe to show and store. */
export declare class ProviderError extends Error {
    constructor(message: string);
}
/** POSTs JSON to `baseUrl/path` and returns the parsed reply, or throws a ProviderError. */
export declare function postJson(endpoint: EndpointOptions, path: string, body: unknown, what: string): Promise<unknown>;
export interface ChatMessage {
    role: "system" | "user" | "assistant";
    content: string;
}
/** One chat completion: the text of the first choice. */
export declare function chatCompletion(endpoint: EndpointOptions & {
    model: string;
}, messages: ChatMessage[], maxTokens: number): Promise<string>;
