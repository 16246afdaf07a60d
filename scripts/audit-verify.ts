import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { createDb } from "@/lib/server/db/client";
import { openDatabase } from "@/lib/server/db/open-database";

// Checks every link of the audit chain; exits 1 and names the first broken link if one fails.
async function main(): Promise<void> {
  const database = await openDatabase();
  const db = createDb(database.url);
  try {
    const verdict = await verifyAuditChain({ db });
    if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.checked} events verified, head ${verdict.lastHash}`);
    } else {
      console.error(`audit chain BROKEN after ${verdict.checked} good events: ${verdict.firstBreak?.problem}`);
      process.exitCode = 1;
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

void main();
