import type { ApiError } from "@/lib/client/api-error";
import type { TToolGrant } from "@/lib/contracts/registry";
import type { TApprovalTier } from "@/lib/contracts/registry-enums";

/** A tool grant as the form holds it: numbers and JSON as the person typed them. */
export type TGrantDraft = { toolKey: string; rate: string; constraints: string; tier: TApprovalTier };

/** Field problems keyed by their path inside the permission set, e.g. `tools.1.tier`. */
export type TProblemMap = Readonly<Record<string, string>>;

export const TIERS: readonly TApprovalTier[] = ["T0", "T1", "T2", "T3"];

export function toGrantDraft(grant: TToolGrant): TGrantDraft {
  return {
    toolKey: grant.toolKey,
    rate: grant.ratePerMinute === null ? "" : String(grant.ratePerMinute),
    constraints: grant.argumentConstraints ? JSON.stringify(grant.argumentConstraints, null, 2) : "",
    tier: grant.tier,
  };
}

/** The grants as the API takes them, or the problems that stop the form sending them. */
export function parseGrantDrafts(drafts: readonly TGrantDraft[]): { tools: TToolGrant[] | null; problems: TProblemMap } {
  const problems: Record<string, string> = {};
  const tools = drafts.map((draft, i): TToolGrant => {
    const rate = draft.rate.trim();
    const ratePerMinute = rate === "" ? null : Number(rate);
    if (ratePerMinute !== null && !(Number.isInteger(ratePerMinute) && ratePerMinute >= 1)) {
      problems[`tools.${i}.ratePerMinute`] = "Use a whole number of calls per minute (at least 1), or leave it empty for no limit";
    }
    let argumentConstraints: Record<string, unknown> | null = null;
    if (draft.constraints.trim()) {
      try {
        const value: unknown = JSON.parse(draft.constraints);
        if (typeof value === "object" && value !== null && !Array.isArray(value)) argumentConstraints = value as Record<string, unknown>;
        else problems[`tools.${i}.argumentConstraints`] = 'A JSON Schema is an object, e.g. {"properties": {"amount": {"maximum": 5000}}}';
      } catch (error) {
        problems[`tools.${i}.argumentConstraints`] = `Not valid JSON: ${(error as Error).message}`;
      }
    }
    return { toolKey: draft.toolKey, ratePerMinute, argumentConstraints, tier: draft.tier };
  });
  return { tools: Object.keys(problems).length ? null : tools, problems };
}

const PREFIX = /^body\.permissions\.?/;

/** The server's field problems, keyed like the form's own (first message per path). */
export function problemMapOf(error: ApiError | null): TProblemMap {
  const map: Record<string, string> = {};
  for (const problem of error?.problems ?? []) {
    const path = problem.path.replace(PREFIX, "");
    if (path !== problem.path && !(path in map)) map[path] = problem.message;
  }
  return map;
}

/** Messages for a whole area (`dataClassKeys`, `modelRefs`, `tools`), wherever in it they point. */
export function areaMessages(problems: TProblemMap, area: string): string[] {
  return Object.entries(problems)
    .filter(([path]) => path === area || (path.startsWith(`${area}.`) && !/^tools\.\d+\./.test(path)))
    .map(([, message]) => message);
}
