import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import type { Embedder } from "../providers/embeddings";
import { ProviderError } from "../providers/llm";

/*
 * Documents of auto-embedded collections are embedded here. The work is derived from what is
 * stored (a document without an embedding), so nothing is lost to a crash or restart. A worker
 * leases a batch of documents on the rows themselves, writes an embedding only while its lease is
 * current, and on failure records the error and a retry time with exponential backoff.
 */

export interface DocumentEmbeddingOptions {
  owner: string;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  embedder: Embedder;
  /** Documents per round. */
  batchSize: number;
}

interface Claimed {
  id: number;
  content: string;
  dimensions: number;
  attempts: number;
}

/** What a failure may show callers: a provider's own description, never a stack or an address. */
function failureMessage(error: unknown): string {
  return error instanceof ProviderError ? error.message.slice(0, 500) : "embedding failed";
}

/** Embeds one batch of due documents; answers how many were claimed (0: nothing due). */
export async function embedPendingDocuments(db: Db, options: DocumentEmbeddingOptions): Promise<number> {
  const claimed = await queryRows<Claimed>(
    db,
    sql`
      update documents d
         set embed_lease_owner = ${options.owner},
             embed_lease_expires_at = now() + make_interval(secs => ${options.leaseMs / 1000}::double precision)
        from document_collections c
       where c.id = d.collection_id
         and d.id in (
           select p.id from documents p
            join document_collections pc on pc.id = p.collection_id and pc.is_auto_embedded
            where p.embedding is null
              and p.embed_next_attempt_at <= now()
              and (p.embed_lease_expires_at is null or p.embed_lease_expires_at < now())
            order by p.embed_next_attempt_at, p.id
            limit ${options.batchSize}
            for update of p skip locked)
      returning d.id, d.content, c.embedding_dimensions as dimensions, d.embed_attempts as attempts`,
  );
  if (claimed.length === 0) return 0;

  let vectors: number[][];
  try {
    vectors = await options.embedder.embed(claimed.map((document) => document.content));
  } catch (error) {
    await recordFailure(db, options, claimed, failureMessage(error));
    return claimed.length;
  }

  const wrongSize: Claimed[] = [];
  for (const [index, document] of claimed.entries()) {
    const vector = vectors[index]!;
    if (vector.length !== Number(document.dimensions)) {
      wrongSize.push(document);
      continue;
    }
    await db.execute(sql`
      update documents
         set embedding = ${`{${vector.join(",")}}`}::real[],
             embed_lease_owner = null, embed_lease_expires_at = null,
             embed_attempts = 0, embed_error = null, updated_at = now()
       where id = ${document.id} and embed_lease_owner = ${options.owner}`);
  }
  if (wrongSize.length > 0) {
    const size = vectors[0]?.length ?? 0;
    await recordFailure(
      db,
      options,
      wrongSize,
      `the embeddings provider returns ${size}-dimension vectors; the collection has ${wrongSize[0]!.dimensions}`,
    );
  }
  return claimed.length;
}

async function recordFailure(
  db: Db,
  options: DocumentEmbeddingOptions,
  failed: Claimed[],
  message: string,
): Promise<void> {
  const ids = failed.map((document) => Number(document.id));
  await db.execute(sql`
    update documents
       set embed_attempts = embed_attempts + 1,
           embed_error = ${message},
           embed_next_attempt_at = now() + make_interval(secs => least(
             ${options.retryMaxMs / 1000}::double precision,
             ${options.retryBaseMs / 1000}::double precision * power(2, least(embed_attempts, 30)))),
           embed_lease_owner = null, embed_lease_expires_at = null, updated_at = now()
     where id in (select unnest(${`{${ids.join(",")}}`}::bigint[])) and embed_lease_owner = ${options.owner}`);
}
