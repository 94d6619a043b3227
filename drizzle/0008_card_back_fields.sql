ALTER TABLE "identity_verifications" ADD COLUMN "card_validity" text;--> statement-breakpoint
ALTER TABLE "identity_verifications" ADD COLUMN "card_issuer" text;