CREATE TABLE "fact_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fact_uuid" uuid NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_extraction" (
	"session_pk" bigint PRIMARY KEY NOT NULL,
	"extracted_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uuid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"session_pk" bigint,
	"fact" text NOT NULL,
	"rating" real DEFAULT 0.5 NOT NULL,
	"token_count" integer DEFAULT 0 NOT NULL,
	"valid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invalid_at" timestamp with time zone,
	"invalid_reason" text,
	"superseded_by" uuid,
	"source_message_uuids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"origin" text DEFAULT 'extracted' NOT NULL,
	"embedding" real[],
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(coalesce(fact, ''), 262144))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "facts_uuid_unique" UNIQUE("uuid"),
	CONSTRAINT "facts_rating_check" CHECK ("facts"."rating" >= 0 and "facts"."rating" <= 1),
	CONSTRAINT "facts_owner_check" CHECK ("facts"."user_id" is not null or "facts"."session_pk" is not null)
);
--> statement-breakpoint
ALTER TABLE "fact_extraction" ADD CONSTRAINT "fact_extraction_session_pk_sessions_id_fk" FOREIGN KEY ("session_pk") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_user_id_users_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("user_id") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "facts" ADD CONSTRAINT "facts_session_pk_sessions_id_fk" FOREIGN KEY ("session_pk") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fact_changes_fact_idx" ON "fact_changes" USING btree ("fact_uuid","id");--> statement-breakpoint
CREATE INDEX "facts_user_valid_idx" ON "facts" USING btree ("user_id") WHERE "facts"."invalid_at" is null and "facts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "facts_session_idx" ON "facts" USING btree ("session_pk");--> statement-breakpoint
CREATE INDEX "facts_user_idx" ON "facts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "facts_search_vector_idx" ON "facts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "facts_sources_idx" ON "facts" USING gin ("source_message_uuids");