import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export type JsonObject = { [key: string]: unknown };

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
};

const metadataColumn = () => jsonb("metadata").$type<JsonObject>().notNull().default({});

/** Full-text vector over the first 256 KiB of a text column (tsvector values are capped at 1 MB). */
const searchVector = (column: string) =>
  tsvector("search_vector").generatedAlwaysAs(
    sql.raw(`to_tsvector('english'::regconfig, left(coalesce(${column}, ''), 262144))`),
  );

export const roleTypes = ["user", "assistant", "system", "function", "tool", "norole"] as const;
export type RoleType = (typeof roleTypes)[number];

export const memoryTypes = ["message_window", "perpetual", "summary_retriever"] as const;
export type MemoryType = (typeof memoryTypes)[number];

/** Zep's guidance for rating facts: an instruction, with an example of a high, medium and low rating. */
export interface FactRatingInstruction {
  instruction?: string;
  examples?: { high?: string; medium?: string; low?: string };
}

export const accountRoles = ["admin", "operator", "support"] as const;
export type AccountRole = (typeof accountRoles)[number];

export const users = pgTable(
  "users",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    userId: text("user_id").notNull().unique(),
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    metadata: metadataColumn(),
    /** Zep's `fact_rating_instruction`: how facts about this user are rated. */
    factRatingInstruction: jsonb("fact_rating_instruction").$type<FactRatingInstruction>(),
    ...timestamps,
  },
  (t) => [index("users_live_id_idx").on(t.id).where(sql`${t.deletedAt} is null`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    sessionId: text("session_id").notNull().unique(),
    userId: text("user_id").references(() => users.userId, { onUpdate: "cascade" }),
    metadata: metadataColumn(),
    /** Zep's `fact_rating_instruction`: how facts learnt in this session are rated (before the user's). */
    factRatingInstruction: jsonb("fact_rating_instruction").$type<FactRatingInstruction>(),
    /** The memory type `memory.get` uses when the caller names none. */
    memoryType: text("memory_type").$type<MemoryType>(),
    /** Position of the newest message ever added; every batch takes the next positions in order. */
    messageSeq: bigint("message_seq", { mode: "number" }).notNull().default(0),
    /** Position of the newest message folded into a summary (or dropped by a memory delete). */
    summarizedSeq: bigint("summarized_seq", { mode: "number" }).notNull().default(0),
    messageCount: integer("message_count").notNull().default(0),
    tokenCount: bigint("token_count", { mode: "number" }).notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_live_id_idx").on(t.id).where(sql`${t.deletedAt} is null`),
    index("sessions_last_message_at_idx").on(t.lastMessageAt),
    check(
      "sessions_memory_type_check",
      sql`${t.memoryType} in ('message_window', 'perpetual', 'summary_retriever')`,
    ),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom(),
    sessionPk: bigint("session_pk", { mode: "number" })
      .notNull()
      .references(() => sessions.id),
    /** Order within the session: strictly increasing in the order messages were added. */
    seq: bigint("seq", { mode: "number" }).notNull(),
    role: text("role").notNull(),
    roleType: text("role_type").$type<RoleType>().notNull().default("norole"),
    content: text("content").notNull(),
    metadata: metadataColumn(),
    tokenCount: integer("token_count").notNull().default(0),
    /** Set when background enrichment (entities, embedding) has run. */
    enrichedAt: timestamp("enriched_at", { withTimezone: true, mode: "date" }),
    embedding: real("embedding").array(),
    searchVector: searchVector("content"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("messages_session_seq_idx").on(t.sessionPk, t.seq),
    uniqueIndex("messages_live_uuid_idx").on(t.uuid).where(sql`${t.deletedAt} is null`),
    index("messages_live_session_seq_idx").on(t.sessionPk, t.seq).where(sql`${t.deletedAt} is null`),
    // The worker reads a session's unenriched messages in order, and finds the sessions that have any.
    index("messages_unenriched_session_idx")
      .on(t.sessionPk, t.seq)
      .where(sql`${t.enrichedAt} is null and ${t.deletedAt} is null`),
    index("messages_search_vector_idx").using("gin", t.searchVector),
    index("messages_content_trgm_idx").using("gin", sql`${t.content} gin_trgm_ops`),
    index("messages_created_at_idx").on(t.createdAt),
    check(
      "messages_role_type_check",
      sql`${t.roleType} in ('user', 'assistant', 'system', 'function', 'tool', 'norole')`,
    ),
  ],
);

export const summaries = pgTable(
  "summaries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    sessionPk: bigint("session_pk", { mode: "number" })
      .notNull()
      .references(() => sessions.id),
    content: text("content").notNull(),
    /** The newest message this summary covers, and its position in the session. */
    recentMessageUuid: uuid("recent_message_uuid").notNull(),
    recentMessageSeq: bigint("recent_message_seq", { mode: "number" }).notNull(),
    metadata: metadataColumn(),
    tokenCount: integer("token_count").notNull().default(0),
    enrichedAt: timestamp("enriched_at", { withTimezone: true, mode: "date" }),
    embedding: real("embedding").array(),
    searchVector: searchVector("content"),
    ...timestamps,
  },
  (t) => [
    index("summaries_live_session_seq_idx")
      .on(t.sessionPk, t.recentMessageSeq)
      .where(sql`${t.deletedAt} is null`),
    index("summaries_search_vector_idx").using("gin", t.searchVector),
    index("summaries_unenriched_session_idx")
      .on(t.sessionPk, t.recentMessageSeq)
      .where(sql`${t.enrichedAt} is null and ${t.deletedAt} is null`),
  ],
);

/**
 * Background enrichment of a session (summaries, entities, embeddings): who holds the lease on it,
 * whether work is pending, and the last failure. Rows are derived from what is stored; a worker
 * writes results only while its lease is current.
 */
export const sessionEnrichment = pgTable(
  "session_enrichment",
  {
    sessionPk: bigint("session_pk", { mode: "number" })
      .primaryKey()
      .references(() => sessions.id),
    /** Work was found and is not yet done. */
    pending: boolean("pending").notNull().default(true),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true, mode: "date" }),
    /** Failed attempts in a row; zero once an attempt succeeds. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true, mode: "date" }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** message_seq when the session last had nothing to summarize. */
    checkedSeq: bigint("checked_seq", { mode: "number" }).notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("session_enrichment_due_idx").on(t.nextAttemptAt).where(sql`${t.pending}`)],
);

/** What a change in `metadata_changes` changed: the metadata, or the user a session belongs to. */
export const changedFields = ["metadata", "user_id"] as const;
export type ChangedField = (typeof changedFields)[number];

/** Audit trail: every metadata change, with who made it and the value before and after. */
export const metadataChanges = pgTable(
  "metadata_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").$type<"user" | "session" | "message">().notNull(),
    /** user_id, session_id or message uuid, as callers name the entity. */
    entityId: text("entity_id").notNull(),
    field: text("field").$type<ChangedField>().notNull().default("metadata"),
    actor: text("actor").notNull(),
    before: jsonb("before").$type<JsonObject>().notNull(),
    after: jsonb("after").$type<JsonObject>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("metadata_changes_entity_idx").on(t.entityType, t.entityId, t.id)],
);

export const apiKeys = pgTable("api_keys", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  uuid: uuid("uuid").notNull().defaultRandom().unique(),
  name: text("name").notNull(),
  /** SHA-256 of the key: keys are 256-bit random, so a fast hash is a safe one. */
  keyHash: text("key_hash").notNull().unique(),
  /** First characters of the key, to recognise it in a list. */
  prefix: text("prefix").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
});

export const accounts = pgTable(
  "accounts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    role: text("role").$type<AccountRole>().notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("accounts_email_idx").on(sql`lower(${t.email})`),
    check("accounts_role_check", sql`${t.role} in ('admin', 'operator', 'support')`),
  ],
);

/** Every change to a dashboard account: who, when, what (never a password or its hash). */
export const accountChanges = pgTable(
  "account_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** created, role_changed, disabled, enabled, password_changed, password_reset */
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    before: jsonb("before").$type<JsonObject>(),
    after: jsonb("after").$type<JsonObject>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("account_changes_account_idx").on(t.accountId, t.id)],
);

/** Dashboard sign-ins: the cookie holds a random token, the table only its SHA-256. */
export const accountSessions = pgTable(
  "account_sessions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: bigint("account_id", { mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("account_sessions_account_idx").on(t.accountId)],
);

export const factOrigins = ["extracted", "manual"] as const;
export type FactOrigin = (typeof factOrigins)[number];

/** Why a fact stopped being valid. */
export const factEndings = ["contradicted", "edited", "rejected", "source_deleted"] as const;
export type FactEnding = (typeof factEndings)[number];

/**
 * What Engram knows about a user (or about a session that has no user): one sentence each,
 * bi-temporal. A fact that stops being true gets `invalid_at` and stays, so the history survives.
 */
export const facts = pgTable(
  "facts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    /** The owner when the fact is about a user. */
    userId: text("user_id").references(() => users.userId, { onUpdate: "cascade" }),
    /** The owner when the session has no user; otherwise the session the fact was learnt in. */
    sessionPk: bigint("session_pk", { mode: "number" }).references(() => sessions.id),
    fact: text("fact").notNull(),
    /** Importance in [0, 1]. */
    rating: real("rating").notNull().default(0.5),
    tokenCount: integer("token_count").notNull().default(0),
    /** When the fact became true, and when it stopped (null: still true). */
    validAt: timestamp("valid_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    invalidAt: timestamp("invalid_at", { withTimezone: true, mode: "date" }),
    invalidReason: text("invalid_reason").$type<FactEnding>(),
    /** The fact that took this one's place (a contradiction or an edit). */
    supersededBy: uuid("superseded_by"),
    /** Messages the fact was learnt or restated from. */
    sourceMessageUuids: uuid("source_message_uuids").array().notNull().default(sql`'{}'::uuid[]`),
    /** Pinned facts are never invalidated by the model, nor when their sources are deleted. */
    pinned: boolean("pinned").notNull().default(false),
    /** When the last live source of a pinned fact was deleted; the fact stays valid. */
    sourcesDeletedAt: timestamp("sources_deleted_at", { withTimezone: true, mode: "date" }),
    origin: text("origin").$type<FactOrigin>().notNull().default("extracted"),
    embedding: real("embedding").array(),
    searchVector: searchVector("fact"),
    ...timestamps,
  },
  (t) => [
    index("facts_user_valid_idx").on(t.userId).where(sql`${t.invalidAt} is null and ${t.deletedAt} is null`),
    index("facts_session_idx").on(t.sessionPk),
    index("facts_user_idx").on(t.userId),
    index("facts_search_vector_idx").using("gin", t.searchVector),
    index("facts_sources_idx").using("gin", t.sourceMessageUuids),
    check("facts_rating_check", sql`${t.rating} >= 0 and ${t.rating} <= 1`),
    check("facts_owner_check", sql`${t.userId} is not null or ${t.sessionPk} is not null`),
  ],
);

/** Every change to a fact, by the model or a person: who, when, what, before and after. */
export const factChanges = pgTable(
  "fact_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    factUuid: uuid("fact_uuid").notNull(),
    /** added, restated, invalidated, edited, pinned, unpinned, rejected, deleted, source_deleted, kept_pinned, kept_pinned_source_deleted */
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    before: jsonb("before").$type<JsonObject>(),
    after: jsonb("after").$type<JsonObject>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("fact_changes_fact_idx").on(t.factUuid, t.id)],
);

/** How far fact extraction has read each session. */
export const factExtraction = pgTable("fact_extraction", {
  sessionPk: bigint("session_pk", { mode: "number" })
    .primaryKey()
    .references(() => sessions.id),
  /** Position of the newest message read for facts. */
  extractedSeq: bigint("extracted_seq", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type SummaryRow = typeof summaries.$inferSelect;
export type MetadataChangeRow = typeof metadataChanges.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type AccountChangeRow = typeof accountChanges.$inferSelect;
export type SessionEnrichmentRow = typeof sessionEnrichment.$inferSelect;

/** Zep's document collections: named sets of documents whose embeddings share one dimension. */
export const documentCollections = pgTable(
  "document_collections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    metadata: metadataColumn(),
    embeddingDimensions: integer("embedding_dimensions").notNull(),
    /** Documents are embedded by Engram's embeddings provider, in the background. */
    isAutoEmbedded: boolean("is_auto_embedded").notNull().default(false),
    /** `index/create` was called: on pgvector, the collection has its own HNSW index. */
    isIndexed: boolean("is_indexed").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("document_collections_name_idx").on(t.name),
    check("document_collections_dimensions_check", sql`${t.embeddingDimensions} between 1 and 2000`),
  ],
);

export const documents = pgTable(
  "documents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uuid: uuid("uuid").notNull().defaultRandom().unique(),
    collectionId: bigint("collection_id", { mode: "number" })
      .notNull()
      .references(() => documentCollections.id, { onDelete: "cascade" }),
    /** The caller's own id for the document (not unique, as in Zep). */
    documentId: text("document_id"),
    content: text("content").notNull().default(""),
    metadata: metadataColumn(),
    /** Null until an auto-embedded collection's document is embedded. */
    embedding: real("embedding").array(),
    /** Background embedding: the worker holding the document, failed attempts, the last error. */
    embedLeaseOwner: text("embed_lease_owner"),
    embedLeaseExpiresAt: timestamp("embed_lease_expires_at", { withTimezone: true, mode: "date" }),
    embedAttempts: integer("embed_attempts").notNull().default(0),
    embedError: text("embed_error"),
    embedNextAttemptAt: timestamp("embed_next_attempt_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("documents_collection_idx").on(t.collectionId, t.id),
    index("documents_collection_document_id_idx").on(t.collectionId, t.documentId),
    index("documents_unembedded_idx").on(t.embedNextAttemptAt).where(sql`${t.embedding} is null`),
  ],
);

export type DocumentCollectionRow = typeof documentCollections.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type FactRow = typeof facts.$inferSelect;
export type FactChangeRow = typeof factChanges.$inferSelect;
