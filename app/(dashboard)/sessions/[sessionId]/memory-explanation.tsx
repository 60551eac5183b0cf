"use client";

import { formatNumber } from "@/app/_lib/format";
import type { Memory, MemoryType, SummaryRange } from "./types";

const range = (from: number, to: number) =>
  from === to ? `message ${formatNumber(from)}` : `messages ${formatNumber(from)}–${formatNumber(to)}`;

/** "message 8 is" or "messages 6–7 are". */
const rangeIs = (from: number, to: number) => `${range(from, to)} ${from === to ? "is" : "are"}`;

/** What `memory.get` does with these options, in the words of its rules. */
export function memoryRule(memoryType: MemoryType, lastn: number | undefined): string {
  if (memoryType === "perpetual") {
    return lastn === undefined
      ? "The latest summary plus every message after it: together they stand for the whole conversation."
      : `The last ${formatNumber(lastn)} messages plus the newest summary that ends before the first of them. When every summary reaches into those messages (a small lastn), no summary is returned.`;
  }
  if (memoryType === "summary_retriever") {
    return `The last ${lastn === undefined ? "window of" : formatNumber(lastn)} messages plus the summaries most relevant to them, best first.`;
  }
  return lastn === undefined
    ? "The latest summary plus the messages after it, at most the server's window (ENGRAM_MEMORY_WINDOW)."
    : `The last ${formatNumber(lastn)} messages and the latest summary as it is: a large lastn reaches back into what the summary already covers (both hold those messages); a small one can leave messages between them out.`;
}

/**
 * What this reply holds, by message number: the returned messages are always the newest ones, so
 * they end at the session's last message.
 */
export function memoryOutcome(
  memory: Memory,
  messageCount: number,
  ranges: SummaryRange[] | undefined,
): string {
  const count = memory.messages.length;
  const first = messageCount - count + 1;
  const returned = count === 0 ? "No messages" : `M${range(first, messageCount).slice(1)}`;
  if (!memory.summary) return `${returned} and no summary.`;
  const covered = ranges?.find((candidate) => candidate.uuid === memory.summary?.uuid)?.through?.number;
  if (covered === undefined) return `${returned} and a summary.`;
  const summary = `${returned} and the summary of ${range(1, covered)}`;
  if (count > 0 && covered >= first)
    return `${summary}: ${rangeIs(first, Math.min(covered, messageCount))} in both.`;
  if (count > 0 && covered < first - 1) return `${summary}: ${rangeIs(covered + 1, first - 1)} in neither.`;
  if (count === 0 && covered < messageCount)
    return `${summary}: ${rangeIs(covered + 1, messageCount)} left out.`;
  return `${summary}.`;
}
