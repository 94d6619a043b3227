CREATE TABLE "share_inbox" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"blob_key" text NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "share_inbox_ip_idx" ON "share_inbox" USING btree ("ip","created_at");