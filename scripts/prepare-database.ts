import { createDb } from "@/lib/server/db/client";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { requireDatabaseUrl } from "@/lib/server/env";
import { seedDemoData } from "@/prisma/seed";

// Run by `npm start` as a short-lived child, so the long-running launcher never holds Prisma,
// argon2 and the seed in memory.
async function main(): Promise<void> {
  const databaseUrl = requireDatabaseUrl();
  const migrated = await migrateDatabase({ databaseUrl, log: (line) => console.log(`migration ${line}`) });
  const db = createDb(databaseUrl);
  try {
    const { seeded } = await seedDemoData({ db });
    console.log(`database ready (${migrated.applied.length} migrations applied${seeded ? ", demo data seeded" : ""})`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
