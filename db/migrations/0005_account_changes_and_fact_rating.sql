CREATE TABLE "account_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "sources_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "metadata_changes" ADD COLUMN "field" text DEFAULT 'metadata' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "fact_rating_instruction" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fact_rating_instruction" jsonb;--> statement-breakpoint
ALTER TABLE "account_changes" ADD CONSTRAINT "account_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_changes_account_idx" ON "account_changes" USING btree ("account_id","id");