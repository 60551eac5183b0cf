import { chatCompletionReply } from "../schemas/providers";
import { countTokens } from "./tokenizer";

/** Where an OpenAI-compatible API lives (OpenAI, Azure, Ollama, vLLM...). */
export interface EndpointOptions {
  /** Base URL up to the version, e.g. https://api.openai.com/v1 */
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/** A provider that failed or answered something unusable; the message is safe to show and store. */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderError";
  }
}

/** POSTs JSON to `baseUrl/path` and returns the parsed reply, or throws a ProviderError. */
export async function postJson(
  endpoint: EndpointOptions,
  path: string,
  body: unknown,
  what: string,
): Promise<unknown> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}/${path}`;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new ProviderError(`${what} did not answer within ${endpoint.timeoutMs} ms`);
    }
    const cause = (error as Error).cause as { message?: string } | undefined;
    throw new ProviderError(`${what} is unreachable: ${cause?.message ?? (error as Error).message}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ProviderError(`${what} did not answer within ${endpoint.timeoutMs} ms`);
  }
  if (!response.ok) {
    throw new ProviderError(`${what} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError(`${what} answered with something other than JSON: ${text.slice(0, 200)}`);
  }
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Tokens one call spent, as the endpoint reported them (or as counted here when it did not). */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One chat completion: the text of the first choice. */
export async function chatCompletion(
  endpoint: EndpointOptions & { model: string },
  messages: ChatMessage[],
  maxTokens: number,
  onUsage?: (usage: ChatUsage) => void,
): Promise<string> {
  const what = "the summarizer endpoint";
  const reply = chatCompletionReply.safeParse(
    await postJson(
      endpoint,
      "chat/completions",
      { model: endpoint.model, messages, max_tokens: maxTokens },
      what,
    ),
  );
  if (!reply.success) throw new ProviderError(`${what} answered without a completion`);
  const content = reply.data.choices[0]!.message.content.trim();
  if (onUsage) {
    const { usage } = reply.data;
    onUsage({
      promptTokens:
        usage?.prompt_tokens ?? countTokens(messages.map((message) => message.content).join("\n")),
      completionTokens: usage?.completion_tokens ?? countTokens(content),
    });
  }
  return content;
}
