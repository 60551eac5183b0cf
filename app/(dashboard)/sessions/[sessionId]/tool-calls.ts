import type { Message } from "./types";

/** A call an assistant asked for, as OpenAI-style clients store it. */
export interface ToolCall {
  id: string | null;
  name: string;
  arguments: unknown;
}

/** Where each tool call and its result sit in the transcript, by call id. */
export interface ToolLinks {
  callMessage: Map<string, string>;
  resultMessage: Map<string, string>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Arguments arrive as a JSON string (OpenAI) or as an object (Anthropic-style); both read as data. */
const argumentsOf = (value: unknown) => (typeof value === "string" ? (parseJson(value) ?? value) : value);

function toCall(value: unknown): ToolCall | null {
  if (!isObject(value)) return null;
  const fn = isObject(value.function) ? value.function : value;
  if (typeof fn.name !== "string") return null;
  return {
    id: typeof value.id === "string" ? value.id : null,
    name: fn.name,
    arguments: argumentsOf(fn.arguments ?? fn.input ?? fn.args),
  };
}

/** Tool calls in a message: `metadata.tool_calls`, or a JSON body with `tool_calls` or `function_call`. */
export function toolCallsOf(message: Pick<Message, "content" | "metadata" | "role_type">): ToolCall[] {
  const body = parseJson(message.content.trim());
  const sources = [message.metadata.tool_calls, isObject(body) ? body.tool_calls : undefined];
  for (const source of sources) {
    if (Array.isArray(source)) {
      const calls = source.map(toCall).filter((call): call is ToolCall => call !== null);
      if (calls.length) return calls;
    }
  }
  const call = toCall(message.metadata.function_call ?? (isObject(body) ? body.function_call : undefined));
  return call ? [call] : [];
}

/** A tool or function message's result: its call id (if any) and its body as data when it is JSON. */
export function toolResultOf(
  message: Pick<Message, "content" | "metadata" | "role_type" | "role">,
): { callId: string | null; name: string; result: unknown } | null {
  if (message.role_type !== "tool" && message.role_type !== "function") return null;
  const callId = message.metadata.tool_call_id;
  const name = message.metadata.name ?? message.metadata.tool_name;
  const body = parseJson(message.content.trim());
  return {
    callId: typeof callId === "string" ? callId : null,
    name: typeof name === "string" ? name : message.role,
    result: body === undefined ? message.content : body,
  };
}

/** Links calls to results (and back) across the loaded messages. */
export function linkToolCalls(messages: Message[]): ToolLinks {
  const links: ToolLinks = { callMessage: new Map(), resultMessage: new Map() };
  for (const message of messages) {
    for (const call of toolCallsOf(message)) if (call.id) links.callMessage.set(call.id, message.uuid);
    const result = toolResultOf(message);
    if (result?.callId) links.resultMessage.set(result.callId, message.uuid);
  }
  return links;
}
