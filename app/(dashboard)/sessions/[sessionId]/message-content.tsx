"use client";

import { useState } from "react";
import { Markdown } from "@/app/_components/markdown";
import { Button, cx } from "@/app/_components/ui";
import { formatNumber } from "@/app/_lib/format";
import { type ToolLinks, toolCallsOf, toolResultOf } from "./tool-calls";
import type { Message } from "./types";

/** Messages longer than this start collapsed. */
const COLLAPSE_CHARS = 1_500;
const COLLAPSE_LINES = 24;

function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="mt-1 max-h-96 overflow-auto rounded-md bg-zinc-100 p-2 ring-1 ring-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:bg-zinc-950 dark:ring-zinc-800"
    >
      <pre className="font-mono text-xs leading-5 wrap-anywhere whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">
        {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

function ToolCallsView({ message, links }: { message: Message; links?: ToolLinks }) {
  const calls = toolCallsOf(message);
  if (calls.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2" aria-label="Tool calls">
      {calls.map((call, index) => {
        const result = call.id ? links?.resultMessage.get(call.id) : undefined;
        return (
          <li
            key={call.id ?? index}
            data-testid="tool-call"
            className="rounded-md border border-violet-200 bg-violet-50/60 p-2 text-xs dark:border-violet-500/30 dark:bg-violet-500/5"
          >
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold text-violet-800 dark:text-violet-300">Calls</span>
              <code className="font-mono font-semibold">{call.name}</code>
              {call.id && <span className="font-mono text-zinc-600 dark:text-zinc-400">{call.id}</span>}
              {result && (
                <a href={`#${result}`} className="ml-auto text-indigo-700 underline dark:text-indigo-300">
                  Result ↓
                </a>
              )}
            </p>
            <JsonBlock value={call.arguments ?? {}} label={`Arguments of ${call.name}`} />
          </li>
        );
      })}
    </ul>
  );
}

function ToolResultView({ message, links }: { message: Message; links?: ToolLinks }) {
  const result = toolResultOf(message);
  if (!result) return null;
  const call = result.callId ? links?.callMessage.get(result.callId) : undefined;
  return (
    <div
      data-testid="tool-result"
      className="mt-1 rounded-md border border-sky-200 bg-sky-50/60 p-2 text-xs dark:border-sky-500/30 dark:bg-sky-500/5"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-sky-800 dark:text-sky-300">Result of</span>
        <code className="font-mono font-semibold">{result.name}</code>
        {result.callId && <span className="font-mono text-zinc-600 dark:text-zinc-400">{result.callId}</span>}
        {call && (
          <a href={`#${call}`} className="ml-auto text-indigo-700 underline dark:text-indigo-300">
            ↑ Call
          </a>
        )}
      </p>
      <JsonBlock value={result.result} label={`Result of ${result.name}`} />
    </div>
  );
}

/** A message's text: markdown rendered (or raw on request), long ones collapsed, tool turns structured. */
export function MessageContent({ message, links }: { message: Message; links?: ToolLinks }) {
  const [raw, setRaw] = useState(false);
  const lines = message.content.split("\n").length;
  const long = message.content.length > COLLAPSE_CHARS || lines > COLLAPSE_LINES;
  const [expanded, setExpanded] = useState(false);
  const isResult = toolResultOf(message) !== null;
  const hasCalls = toolCallsOf(message).length > 0;
  const structured = isResult || hasCalls;
  const collapsed = long && !expanded;

  return (
    <div className="mt-1">
      <div
        data-testid="message-content"
        dir="auto"
        className={cx(
          "text-sm leading-6 wrap-anywhere text-zinc-800 dark:text-zinc-200",
          collapsed && "relative max-h-64 overflow-hidden",
        )}
      >
        {isResult && !raw ? (
          <ToolResultView message={message} links={links} />
        ) : raw || (hasCalls && message.content.trim().startsWith("{")) ? (
          <p className="font-mono text-xs whitespace-pre-wrap">{message.content}</p>
        ) : (
          <Markdown>{message.content}</Markdown>
        )}
        {collapsed && (
          <div className="pointer-events-none absolute inset-x-0 bottom-0 h-12 bg-gradient-to-t from-white dark:from-zinc-900" />
        )}
      </div>
      {!raw && <ToolCallsView message={message} links={links} />}
      <div className="mt-1 flex flex-wrap gap-1">
        {long && (
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={expanded}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? "Show less" : `Show all (${formatNumber(lines)} lines)`}
          </Button>
        )}
        <Button size="sm" variant="ghost" aria-pressed={raw} onClick={() => setRaw((value) => !value)}>
          {raw ? "Rendered" : structured ? "Raw" : "Raw text"}
        </Button>
      </div>
    </div>
  );
}
