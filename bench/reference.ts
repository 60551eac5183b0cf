/**
 * The benchmark's reference: a bare `node:http` server on postgres.js, with no framework, no
 * validation library and no ORM, answering what Engram answers for `GET /healthz`, get memory
 * (`message_window`, one prepared statement) and add memory (the same transaction as Engram's),
 * with the same JSON. Engram's figures are compared with its figures in the same run.
 * Usage: tsx bench/reference.ts   (DATABASE_URL, PORT, BENCH_API_KEY from the environment)
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
const apiKey = process.env.BENCH_API_KEY;
const port = Number(process.env.PORT ?? 3501);
if (!url || !apiKey) throw new Error("DATABASE_URL and BENCH_API_KEY are required");

const db = postgres(url, { max: 10, onnotice: () => {} });
const WINDOW = 12;

// The session, its latest summary and its newest live messages after that summary, newest first.
const memoryStatement = `
select s.id as session_pk,
  l.uuid as summary_uuid, l.created_at as summary_created_at, l.content as summary_content,
  l.recent_message_uuid, l.metadata as summary_metadata, l.token_count as summary_token_count,
  r.uuid, r.created_at, r.updated_at, r.role, r.role_type, r.content, r.metadata, r.token_count
from sessions s
left join lateral (
  select * from summaries where session_pk = s.id and deleted_at is null
  order by recent_message_seq desc, id desc limit 1) l on true
left join lateral (
  select * from messages where session_pk = s.id and deleted_at is null
    and seq > coalesce(l.recent_message_seq, 0)
  order by seq desc limit $2) r on true
where s.session_id = $1 and s.deleted_at is null
order by r.seq desc`;

interface MemoryRow {
  summary_uuid: string | null;
  summary_created_at: Date | null;
  summary_content: string | null;
  recent_message_uuid: string | null;
  summary_metadata: unknown;
  summary_token_count: number | null;
  uuid: string | null;
  created_at: Date;
  updated_at: Date;
  role: string;
  role_type: string;
  content: string;
  metadata: unknown;
  token_count: number;
}

function reply(res: ServerResponse, status: number, body: string, type = "application/json; charset=utf-8") {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

async function getMemory(res: ServerResponse, sessionId: string) {
  const rows = await db.unsafe<MemoryRow[]>(memoryStatement, [sessionId, WINDOW], { prepare: true });
  const first = rows[0];
  if (!first) return reply(res, 404, JSON.stringify({ message: "session not found", code: "NOT_FOUND" }));
  const messages = [];
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index]!;
    if (row.uuid === null) continue;
    messages.push({
      uuid: row.uuid,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      role: row.role,
      role_type: row.role_type,
      content: row.content,
      metadata: row.metadata,
      token_count: row.token_count,
    });
  }
  const summary = first.summary_uuid && {
    uuid: first.summary_uuid,
    created_at: first.summary_created_at!.toISOString(),
    content: first.summary_content,
    recent_message_uuid: first.recent_message_uuid,
    metadata: first.summary_metadata,
    token_count: first.summary_token_count,
  };
  reply(res, 200, JSON.stringify({ messages, ...(summary && { summary }), memory_type: "message_window" }));
}

interface AddBody {
  messages: { role: string; role_type?: string; content: string; metadata?: Record<string, unknown> }[];
}

async function addMemory(req: IncomingMessage, res: ServerResponse, sessionId: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as AddBody;
  const batch = body.messages.map((message) => ({
    uuid: crypto.randomUUID(),
    role: message.role,
    role_type: message.role_type ?? "norole",
    content: message.content,
    metadata: message.metadata ?? {},
    token_count: Math.ceil(message.content.length / 4),
  }));
  const tokens = batch.reduce((sum, message) => sum + message.token_count, 0);
  await db.begin(async (tx) => {
    const [session] = await tx<{ id: string; message_seq: string }[]>`
      insert into sessions (session_id, message_seq, message_count, token_count)
      values (${sessionId}, ${batch.length}, ${batch.length}, ${tokens})
      on conflict (session_id) do update set
        message_seq = sessions.message_seq + ${batch.length},
        message_count = sessions.message_count + ${batch.length},
        token_count = sessions.token_count + ${tokens},
        last_message_at = now(), updated_at = now()
      returning id, message_seq`;
    const firstSeq = Number(session!.message_seq) - batch.length + 1;
    const rows = batch.map((message, index) => ({
      ...message,
      metadata: tx.json(message.metadata as postgres.JSONValue),
      session_pk: session!.id,
      seq: firstSeq + index,
    }));
    await tx`insert into messages ${tx(rows, "uuid", "role", "role_type", "content", "metadata", "token_count", "session_pk", "seq")}
      on conflict (uuid) where deleted_at is null do nothing returning uuid, token_count`;
  });
  reply(res, 200, "OK", "text/plain; charset=utf-8");
}

const memoryPath = /^\/api\/v2\/sessions\/([^/]+)\/memory$/;

const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0]!;
  if (path === "/healthz") {
    res.setHeader("X-Zep-Version", "0.27.2");
    return reply(res, 200, ".", "text/plain");
  }
  if (req.headers.authorization !== `Bearer ${apiKey}`) {
    return reply(res, 401, JSON.stringify({ message: "unauthorized", code: "UNAUTHORIZED" }));
  }
  const match = memoryPath.exec(path);
  if (!match) return reply(res, 404, JSON.stringify({ message: "not found", code: "NOT_FOUND" }));
  const sessionId = decodeURIComponent(match[1]!);
  const handled = req.method === "POST" ? addMemory(req, res, sessionId) : getMemory(res, sessionId);
  handled.catch((error: unknown) => {
    console.error(error);
    reply(res, 500, JSON.stringify({ message: "internal error", code: "INTERNAL" }));
  });
});

server.listen(port, "127.0.0.1", () => console.log(`reference listening on http://127.0.0.1:${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close();
    void db.end().then(() => process.exit(0));
  });
}
