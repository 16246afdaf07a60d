-- Run-event ids are chosen by the caller: unique within the event's workflow (its key, which a
-- shadow workflow has too), so one workflow's id can no longer suppress another's event.
ALTER TABLE "run_events" ADD COLUMN "workflow_key" TEXT;
UPDATE "run_events" e SET "workflow_key" = r."workflow_key" FROM "runs" r WHERE r."id" = e."run_id";
ALTER TABLE "run_events" ALTER COLUMN "workflow_key" SET NOT NULL;

-- SHA-256 of the event as received, so a resent id with other content is told apart from a
-- retry. Events stored before this column have none and are answered as duplicates.
ALTER TABLE "run_events" ADD COLUMN "content_hash" TEXT;

ALTER TABLE "run_events" DROP CONSTRAINT "run_events_pkey";
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_pkey" PRIMARY KEY ("workflow_key", "id");
