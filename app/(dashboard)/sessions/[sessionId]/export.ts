import type { TRPCClient } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

type Client = TRPCClient<AppRouter>;

/** Everything stored for a session: the session, all its messages in order, and its summaries. */
export async function loadSessionExport(client: Client, sessionId: string) {
  const [session, summaries] = await Promise.all([
    client.sessions.get.query({ sessionId }),
    client.memory.summaries.query({ sessionId }),
  ]);
  const messages = [];
  let cursor: number | undefined;
  do {
    const page = await client.messages.list.query({ sessionId, cursor, limit: 1000 });
    messages.push(...page.messages);
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
  return { session, messages, summaries, exported_at: new Date().toISOString() };
}

type SessionExport = Awaited<ReturnType<typeof loadSessionExport>>;

const fence = (text: string) => {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(longest + 1);
};

export function toMarkdown({ session, messages, summaries, exported_at }: SessionExport): string {
  const lines = [`# Session ${session.session_id}`, ""];
  lines.push(`- User: ${session.user_id ?? "none"}`);
  lines.push(`- Created: ${session.created_at}`);
  lines.push(`- Messages: ${session.message_count}, tokens: ${session.token_count}`);
  lines.push(`- Exported: ${exported_at}`);
  if (Object.keys(session.metadata).length > 0) {
    lines.push("", "## Metadata", "", "```json", JSON.stringify(session.metadata, null, 2), "```");
  }
  const summaryAfter = new Map(summaries.map((summary) => [summary.recent_message_uuid, summary]));
  lines.push("", "## Transcript", "");
  for (const message of messages) {
    lines.push(`### ${message.role || "(no role)"} · ${message.role_type} · ${message.created_at}`, "");
    const content = message.content;
    lines.push(
      content.includes("\n") || content.includes("`")
        ? [fence(content), content, fence(content)].join("\n")
        : content,
      "",
    );
    if (Object.keys(message.metadata).length > 0)
      lines.push(`Metadata: \`${JSON.stringify(message.metadata)}\``, "");
    const summary = summaryAfter.get(message.uuid);
    if (summary) lines.push(`> **Summary up to here:** ${summary.content.replace(/\n/g, "\n> ")}`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name safe on every system. */
export const fileNameFor = (sessionId: string) =>
  `session-${sessionId.replace(/[^\w.-]+/g, "_").slice(0, 80)}`;
