-- The demo history seeder's marker (prisma/seed-history): one row once it has started on a demo
-- database, the window it fills and how many of its days are written, so an interrupted seeding
-- resumes where it stopped and a finished one never runs again.
CREATE TABLE "demo_history" (
    "id" TEXT NOT NULL DEFAULT 'demo',
    "seed" INTEGER NOT NULL,
    "history_from" TIMESTAMPTZ(3) NOT NULL,
    "history_to" TIMESTAMPTZ(3) NOT NULL,
    "days_done" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "demo_history_pkey" PRIMARY KEY ("id")
);
