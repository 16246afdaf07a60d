import "server-only";
import type pg from "pg";
import type { TServicePrincipal } from "../authz/principal";

export type TKeyVerdict = "own" | "other" | "shadow";

/**
 * Sorts the workflow keys a batch names: the token's own, another registered workflow's (which
 * this token may not report for), or unregistered (a shadow automation). Only foreign keys cost a query.
 */
export async function classifyWorkflowKeys(
  pool: pg.Pool,
  principal: TServicePrincipal,
  named: readonly (string | undefined)[],
): Promise<Map<string, TKeyVerdict>> {
  const verdicts = new Map<string, TKeyVerdict>([[principal.workflowKey, "own"]]);
  const foreign = [...new Set(named.filter((key): key is string => !!key && key !== principal.workflowKey))];
  if (!foreign.length) return verdicts;
  const registered = await pool.query<{ key: string }>("SELECT key FROM workflows WHERE key = ANY($1::text[])", [foreign]);
  const known = new Set(registered.rows.map((row) => row.key));
  for (const key of foreign) verdicts.set(key, known.has(key) ? "other" : "shadow");
  return verdicts;
}
