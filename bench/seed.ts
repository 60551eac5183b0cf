import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";

/** Words the seeded messages are made of (10 each): about 200, so a word occurs in 1 message in 20. */
const vocabulary = `
account address airport allergy answer apartment appointment balance bank battery billing birthday
booking bread budget bug calendar camera cancel car card cart charge cheese city claim client cloud
coffee color contract cookie coupon course credit customer database deadline delivery dentist deposit
design device diet dinner discount doctor document dog download driver email engine error estimate
exam exercise family fee festival file flight flower football forecast friend garden gift github
grocery guitar gym hair health holiday hospital hotel house insurance interview invoice itinerary
jacket java job kernel kitchen laptop lawyer lease lesson library license loan lunch luggage manager
map meeting menu message migration mobile model monitor mortgage movie museum music network newsletter
notebook nurse office order package paint parking partner passport password payment pension phone
photo piano pizza plan plumber policy pool postgres presentation price printer project promotion
python quarter quote receipt recipe refund rent report reservation restaurant resume review router
salary sandwich schedule school screen server shipping shoe shopping signal skiing sleep soccer
software spreadsheet station storage subscription subway support surgery tax taxi teacher team
ticket tomato train transfer translation travel trip tuition upgrade vacation vaccine visa wallet
warranty weather website wedding weekend wifi window workshop yoga
`
  .trim()
  .split(/\s+/);

/** SQL for a message body of `words` vocabulary words, pseudo-random in (session, position). */
function contentOf(words: number) {
  const picks = Array.from(
    { length: words },
    (_, k) =>
      `v[1 + (hashint8((s.id * 1000003 + g) * 16 + ${k})::bigint + 2147483648) % ${vocabulary.length}]`,
  );
  return sql.raw(picks.join(" || ' ' || "));
}

export interface SessionBatch {
  /** Sessions are named `${prefix}-0` ... `${prefix}-${count - 1}`. */
  prefix: string;
  count: number;
  messagesPerSession: number;
}

/**
 * Creates sessions with their messages and summaries straight in SQL (benchmark setup only), in
 * the state Engram itself would leave them: positions 1..n, a summary every 6 messages up to 6
 * messages before the end (Zep's rule with a window of 12), counters matching the rows, and
 * everything already enriched so background work has nothing to catch up on.
 */
export async function seedSessions(db: Db, batch: SessionBatch): Promise<void> {
  const n = batch.messagesPerSession;
  const words = sql.raw(`array[${vocabulary.map((word) => `'${word}'`).join(",")}]`);
  await db.transaction(async (tx) => {
    // Larger batches into the GIN indexes; `settle` flushes what is left pending.
    await tx.execute(sql`set local gin_pending_list_limit = '256MB'`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`create temporary table seeded (id bigint primary key) on commit drop`);
    await tx.execute(sql`
      with created as (
        insert into sessions (session_id, message_seq, created_at)
        select ${batch.prefix} || '-' || i, ${n}, now() - interval '30 days'
        from generate_series(0, ${batch.count - 1}) as i
        returning id
      )
      insert into seeded select id from created`);
    await tx.execute(sql`
      insert into messages (session_pk, seq, role, role_type, content, token_count, enriched_at, created_at, updated_at)
      select s.id, g,
        case when g % 2 = 1 then 'customer' else 'agent' end,
        case when g % 2 = 1 then 'user' else 'assistant' end,
        m.content,
        array_length(string_to_array(m.content, ' '), 1) * 2,
        now(),
        now() - (${n} - g) * interval '1 second',
        now() - (${n} - g) * interval '1 second'
      from seeded s
      cross join generate_series(1, ${n}) as g
      cross join (select ${words} as v) as vocab
      cross join lateral (select ${contentOf(10)} as content) as m`);
    await tx.execute(sql`
      insert into summaries (session_pk, content, recent_message_uuid, recent_message_seq, token_count, enriched_at, created_at)
      select m.session_pk, 'The customer and the agent talked about ' || m.content, m.uuid, m.seq, 40, now(), m.created_at
      from messages m join seeded s on s.id = m.session_pk
      where m.seq % 6 = 0 and m.seq <= ${n - 6}`);
    await tx.execute(sql`
      update sessions set
        message_count = a.messages, token_count = a.tokens, last_message_at = a.newest,
        summarized_seq = coalesce((select max(recent_message_seq) from summaries where session_pk = a.session_pk), 0)
      from (
        select session_pk, count(*)::int as messages, sum(token_count) as tokens, max(created_at) as newest
        from messages join seeded on seeded.id = messages.session_pk
        group by session_pk
      ) a
      where sessions.id = a.session_pk`);
  });
}

/** Messages stored so far, live or not. */
export async function countMessages(db: Db): Promise<number> {
  const [row] = await queryRows<{ count: string }>(db, sql`select count(*) as count from messages`);
  return Number(row?.count ?? 0);
}

/** Flushes pending index entries and refreshes planner statistics, as a settled database would have. */
export async function settle(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze sessions, messages, summaries`);
}
