-- A kill switch can be engaged by a person, a service token or Tollgate itself (a breaker), so
-- the engager is recorded as the audit log records an actor: a type and a label, with the user's
-- id only when a person engaged it.
ALTER TABLE "kill_switches" ADD COLUMN "engaged_by_type" TEXT;
ALTER TABLE "kill_switches" ADD COLUMN "engaged_by_label" TEXT;
UPDATE "kill_switches" k SET "engaged_by_type" = 'user', "engaged_by_label" = u."email" FROM "users" u WHERE u."id" = k."engaged_by_id";
ALTER TABLE "kill_switches" ALTER COLUMN "engaged_by_type" SET NOT NULL;
ALTER TABLE "kill_switches" ALTER COLUMN "engaged_by_label" SET NOT NULL;
ALTER TABLE "kill_switches" ALTER COLUMN "engaged_by_id" DROP NOT NULL;

-- A person's switch names the person; nobody else's names a user.
ALTER TABLE "kill_switches" ADD CONSTRAINT "kill_switches_engaged_by_check" CHECK (
  ("engaged_by_type" = 'user' AND "engaged_by_id" IS NOT NULL)
  OR ("engaged_by_type" IN ('service', 'system') AND "engaged_by_id" IS NULL)
);
