CREATE TABLE "document_collections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uuid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"embedding_dimensions" integer NOT NULL,
	"is_auto_embedded" boolean DEFAULT false NOT NULL,
	"is_indexed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_collections_uuid_unique" UNIQUE("uuid"),
	CONSTRAINT "document_collections_dimensions_check" CHECK ("document_collections"."embedding_dimensions" between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uuid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" bigint NOT NULL,
	"document_id" text,
	"content" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"embedding" real[],
	"embed_lease_owner" text,
	"embed_lease_expires_at" timestamp with time zone,
	"embed_attempts" integer DEFAULT 0 NOT NULL,
	"embed_error" text,
	"embed_next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_uuid_unique" UNIQUE("uuid")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_collection_id_document_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."document_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_collections_name_idx" ON "document_collections" USING btree ("name");--> statement-breakpoint
CREATE INDEX "documents_collection_idx" ON "documents" USING btree ("collection_id","id");--> statement-breakpoint
CREATE INDEX "documents_collection_document_id_idx" ON "documents" USING btree ("collection_id","document_id");--> statement-breakpoint
CREATE INDEX "documents_unembedded_idx" ON "documents" USING btree ("embed_next_attempt_at") WHERE "documents"."embedding" is null;--> statement-breakpoint
-- pgvector where the database offers it (PGlite with its vector extension, a Postgres that has it
-- installed); without it, document search is exact in SQL on the same real[] column.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector is available but this role may not create it; using exact search';
END
$$;
