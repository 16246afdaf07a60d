import "server-only";
import { db } from "./client";
import { readMigrationFiles } from "./migrate";

export type TDecisionRecordingHealth = {
  status: "ok" | "failing";
  /** Live gates, and how many of them cannot record (each denies every call meanwhile). */
  gates: number;
  gatesFailing: number;
  /** Decisions waiting in failing gates' memory, not yet in Postgres. */
  unrecordedDecisions: number;
  /** Decisions Postgres refused in the last hour, recorded apart in `decision_record_failures`. */
  refusedLastHour: number;
};

export type THealth = {
  status: "ok" | "degraded";
  /** Why the status is degraded, each in a sentence; empty when ok. */
  reasons: string[];
  database: "reachable" | "unreachable";
  migrations: { applied: number; pending: string[] };
  decisionRecording: TDecisionRecordingHealth | null;
};

type TGateRow = { gates: number; failing: number; unrecorded: number; problems: string[] | null; refused: number };

/**
 * Is the database reachable, has it applied every migration this build ships with, and can every
 * live gate record its decisions? Gates run in the front-door process; each reports the last in
 * its heartbeat row (`gate_instances`), which is how this process, the console's, knows.
 */
export async function checkHealth(): Promise<THealth> {
  const files = await readMigrationFiles();
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    const pending = files.map((f) => f.name);
    return {
      status: "degraded",
      reasons: ["The database cannot be reached"],
      database: "unreachable",
      migrations: { applied: 0, pending },
      decisionRecording: null,
    };
  }
  const pending = files.map((f) => f.name).filter((name) => !applied.has(name));
  const reasons = pending.length
    ? [`${pending.length} migration${pending.length === 1 ? " is" : "s are"} not applied: ${pending.join(", ")}`]
    : [];
  const decisionRecording = pending.length ? null : await readDecisionRecording(reasons);
  return {
    status: reasons.length ? "degraded" : "ok",
    reasons,
    database: "reachable",
    migrations: { applied: applied.size, pending },
    decisionRecording,
  };
}

async function readDecisionRecording(reasons: string[]): Promise<TDecisionRecordingHealth | null> {
  try {
    // Live gates: announced within 3 s, as kill-switch propagation counts them.
    const [row] = await db.$queryRaw<TGateRow[]>`
      SELECT count(*)::int AS gates,
        (count(*) FILTER (WHERE NOT recording))::int AS failing,
        (coalesce(sum(unrecorded) FILTER (WHERE NOT recording), 0))::int AS unrecorded,
        array_agg(DISTINCT recording_problem) FILTER (WHERE NOT recording AND recording_problem IS NOT NULL) AS problems,
        (SELECT count(*)::int FROM decision_record_failures WHERE failed_at > now() - interval '1 hour') AS refused
      FROM gate_instances WHERE seen_at > now() - interval '3 seconds'`;
    if (!row) return null;
    if (row.failing) {
      const which = row.failing === 1 ? "1 gate cannot" : `${row.failing} gates cannot`;
      reasons.push(
        `${which} record decisions and deny every call (${row.unrecorded} decisions unrecorded): ${(row.problems ?? []).join("; ")}`,
      );
    }
    return {
      status: row.failing ? "failing" : "ok",
      gates: row.gates,
      gatesFailing: row.failing,
      unrecordedDecisions: row.unrecorded,
      refusedLastHour: row.refused,
    };
  } catch {
    reasons.push("The gates' recording state cannot be read");
    return null;
  }
}
