import { and, asc, count, gt, lte } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { messages, summaries } from "@/db/schema";
import type { SummaryRange } from "../schemas/dashboard";
import { liveMessages } from "./messages";
import { requireSession } from "./sessions";
import { liveSummaries, toSummary } from "./summaries";

/** The number of live messages up to and including position `seq`. */
async function numberAt(db: Queryable, sessionPk: number, seq: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(liveMessages(sessionPk), lte(messages.seq, seq)));
  return row?.n ?? 0;
}

async function firstAfter(db: Queryable, sessionPk: number, seq: number) {
  const [row] = await db
    .select({ uuid: messages.uuid, seq: messages.seq })
    .from(messages)
    .where(and(liveMessages(sessionPk), gt(messages.seq, seq)))
    .orderBy(asc(messages.seq))
    .limit(1);
  return row;
}

/**
 * A session's summaries, oldest first, each with the messages it covers (by number, 1 = first) and
 * the first message it added beyond the summary before it.
 */
export async function summaryRanges(db: Queryable, sessionId: string): Promise<SummaryRange[]> {
  const session = await requireSession(db, sessionId);
  const rows = await db
    .select()
    .from(summaries)
    .where(liveSummaries(session.id))
    .orderBy(asc(summaries.recentMessageSeq), asc(summaries.id));
  const first = await firstAfter(db, session.id, -1);
  const ranges: SummaryRange[] = [];
  let previousSeq = -1;
  let previousNumber = 0;
  for (const row of rows) {
    const through = await numberAt(db, session.id, row.recentMessageSeq);
    const added = await firstAfter(db, session.id, previousSeq);
    ranges.push({
      ...toSummary(row),
      from: first && through > 0 ? { uuid: first.uuid, number: 1 } : null,
      through: through > 0 ? { uuid: row.recentMessageUuid, number: through } : null,
      new_from:
        added && added.seq <= row.recentMessageSeq ? { uuid: added.uuid, number: previousNumber + 1 } : null,
    });
    previousSeq = row.recentMessageSeq;
    previousNumber = through;
  }
  return ranges;
}
