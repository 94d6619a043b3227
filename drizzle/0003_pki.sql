CREATE TABLE "certificates" (
	"serial_hex" text PRIMARY KEY NOT NULL,
	"subject_ref" text NOT NULL,
	"der" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'good' NOT NULL,
	"revoked_at" timestamp with time zone,
	"reason" text,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pki_ca" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"material" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pki_ca_single_row" CHECK ("pki_ca"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "pki_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pki_crls" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"crl_number" bigint NOT NULL,
	"der" text NOT NULL,
	"this_update" timestamp with time zone NOT NULL,
	"next_update" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"certificate_serial" text,
	"custody" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_certificate_serial_certificates_serial_hex_fk" FOREIGN KEY ("certificate_serial") REFERENCES "public"."certificates"("serial_hex") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_subject_idx" ON "certificates" USING btree ("subject_ref");--> statement-breakpoint
CREATE INDEX "certificates_revoked_idx" ON "certificates" USING btree ("status","not_after");--> statement-breakpoint
CREATE INDEX "signing_keys_user_idx" ON "signing_keys" USING btree ("user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_active_idx" ON "signing_keys" USING btree ("membership_id") WHERE "signing_keys"."status" = 'active';