CREATE TABLE "session_enrichment" (
	"session_pk" bigint PRIMARY KEY NOT NULL,
	"pending" boolean DEFAULT true NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_seq" bigint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_enrichment" ADD CONSTRAINT "session_enrichment_session_pk_sessions_id_fk" FOREIGN KEY ("session_pk") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_enrichment_due_idx" ON "session_enrichment" USING btree ("next_attempt_at") WHERE "session_enrichment"."pending";