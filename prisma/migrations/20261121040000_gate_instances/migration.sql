-- Each running gate announces itself every second; `vouching` is false while it cannot vouch for
-- the kill-switch state (it then denies every call anyway).
CREATE TABLE "gate_instances" (
    "id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vouching" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "gate_instances_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "gate_instances_seen_at_idx" ON "gate_instances"("seen_at");

-- A gate records here that it holds an engaged switch (and denies what it covers); an engage
-- answers once every live gate has.
CREATE TABLE "kill_switch_acks" (
    "kill_switch_id" UUID NOT NULL,
    "instance_id" UUID NOT NULL,
    "acked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kill_switch_acks_pkey" PRIMARY KEY ("kill_switch_id", "instance_id")
);
ALTER TABLE "kill_switch_acks" ADD CONSTRAINT "kill_switch_acks_kill_switch_id_fkey" FOREIGN KEY ("kill_switch_id") REFERENCES "kill_switches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
