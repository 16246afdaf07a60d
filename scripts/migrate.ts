import { migrateDatabase } from "@/lib/server/db/migrate";
import { openDatabase } from "@/lib/server/db/open-database";

async function main(): Promise<void> {
  const database = await openDatabase({ log: console.log });
  try {
    const result = await migrateDatabase({ databaseUrl: database.url, log: (line) => console.log(line) });
    console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
}

void main();
