-- A lease is one upsert per key: the window row keeps its quota and what the last lease granted,
-- so a batch of leases for many keys is a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING.
ALTER TABLE "rate_limit_windows" ADD COLUMN "quota" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "rate_limit_windows" ADD COLUMN "last_grant" INTEGER NOT NULL DEFAULT 0;
