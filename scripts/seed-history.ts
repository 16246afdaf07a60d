import pg from "pg";
import { createDb } from "@/lib/server/db/client";
import { NotificationHub } from "@/lib/server/db/notifications";
import { requireDatabaseUrl } from "@/lib/server/env";
import { seedHistory } from "@/prisma/seed-history/seed-history";

// Run by `npm start` in the background once the server answers (seeding takes longer than a
// first start should): 30 days of demo history, resumed where it stopped if it was interrupted,
// never twice. `--quiet-if-done` prints nothing when there is nothing to do.
// Past this, a stop does not wait for the day being written (it is written again next time).
const STOP_GRACE_MS = 5_000;

async function main(): Promise<void> {
  const url = requireDatabaseUrl();
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: 6, application_name: "tollgate-seed-history" });
  const hub = new NotificationHub(url);
  const stopping = new AbortController();
  const stop = () => {
    stopping.abort();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  try {
    const result = await seedHistory({
      db,
      pool,
      hub,
      signal: stopping.signal,
      log: (line) => console.log(`demo history: ${line}`),
      onProgress: ({ daysDone, days }) =>
        daysDone % 10 === 0 && daysDone < days && console.log(`demo history: ${daysDone} of ${days} days written`),
    });
    if (!result.seeded) {
      if (!process.argv.includes("--quiet-if-done") || stopping.signal.aborted)
        console.log(`demo history: nothing written (${result.why})`);
      return;
    }
    const { summary } = result;
    const count = (tally: Record<string, number>) => Object.values(tally).reduce((sum, n) => sum + n, 0);
    console.log(
      `demo history: ${result.resumed ? "finished" : "seeded"} in ${result.seconds.toFixed(1)} s: ${summary.runs} runs, ${count(summary.decisions)} decisions, ${summary.events} run events, ${count(summary.approvals)} approval requests`,
    );
  } finally {
    await hub.close();
    await pool.end();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("demo history: seeding failed (it resumes at the next start):", error);
  process.exit(1);
});
