DROP INDEX "messages_unenriched_idx";--> statement-breakpoint
DROP INDEX "summaries_unenriched_idx";--> statement-breakpoint
CREATE INDEX "messages_unenriched_session_idx" ON "messages" USING btree ("session_pk","seq") WHERE "messages"."enriched_at" is null and "messages"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "summaries_unenriched_session_idx" ON "summaries" USING btree ("session_pk","recent_message_seq") WHERE "summaries"."enriched_at" is null and "summaries"."deleted_at" is null;