import "server-only";
import type { z } from "zod";
import type { TReadinessItem } from "@/lib/contracts/workflows";
import type { ZControl, ZControlCheck } from "@/lib/contracts/scorecard";

export type TControl = z.infer<typeof ZControl>;
export type TControlCheck = z.infer<typeof ZControlCheck>;

const DAY_MS = 86_400_000;
export const TOKEN_MAX_AGE_DAYS = 90;
export const CHAIN_VERIFIED_WITHIN_DAYS = 30;

export const CONTROL_LABELS: Record<TControl, string> = {
  owner_and_raci: "Owner and RACI complete",
  data_classes_declared: "Data classes declared",
  models_approved_for_data: "Models approved for the data",
  tool_contracts_present: "Tool contracts present",
  tokens_rotated: `Tokens rotated within ${TOKEN_MAX_AGE_DAYS} days`,
  runbook_present: "Runbook present",
  kill_switch_drilled: "Kill switch drilled within 30 days",
  audit_chain_verified: "Audit chain verified",
};

/** What to do to pass each control: the grade's "what would raise it". */
export const CONTROL_FIXES: Record<TControl, string> = {
  owner_and_raci: "Complete the RACI chart: one Accountable and someone in every function",
  data_classes_declared: "Declare the data classes it touches",
  models_approved_for_data: "Grant only models approved for its most sensitive data",
  tool_contracts_present: "Give every granted tool an argument contract in the catalog",
  tokens_rotated: `Rotate service tokens older than ${TOKEN_MAX_AGE_DAYS} days`,
  runbook_present: "Write a runbook: what to do when it is halted",
  kill_switch_drilled: "Drill its kill switch",
  audit_chain_verified: "Verify the audit chain (Audit → Verify chain)",
};

/** The latest recorded "Verify chain": when, by whom, and what it found. */
export type TChainVerification = { at: Date; by: string; ok: boolean; checked: number; brokenAt: string | null };

/** What the checks read, loaded by the caller (one workflow or a batch). */
export type TControlInputs = {
  /** The registry's own readiness findings (assess-readiness), reused rather than re-derived. */
  readiness: readonly TReadinessItem[];
  owner: { email: string; disabled: boolean };
  dataClasses: readonly { key: string; sensitivity: string }[];
  highestSensitivity: string | null;
  models: number;
  tools: number;
  activeTokens: readonly { name: string; createdAt: Date }[];
  runbook: string;
  chain: TChainVerification | null;
  now: Date;
};

// One formatter for every call: toLocaleString builds a new one each time (the dashboard checks 1,000 workflows).
const NUMBER = new Intl.NumberFormat("en");
const plural = (n: number, one: string, many = `${one}s`) => `${NUMBER.format(n)} ${n === 1 ? one : many}`;
const daysSince = (at: Date, now: Date) => Math.floor((now.getTime() - at.getTime()) / DAY_MS);
const messagesOf = (readiness: readonly TReadinessItem[], codes: readonly TReadinessItem["code"][]) =>
  readiness.filter((r) => codes.includes(r.code)).map((r) => r.message);

function check(control: TControl, failures: string[], passed: string): TControlCheck {
  return { control, label: CONTROL_LABELS[control], passed: failures.length === 0, detail: failures.length ? failures.join("; ") : passed };
}

function tokens(inputs: TControlInputs): TControlCheck {
  const { activeTokens, now } = inputs;
  if (!activeTokens.length) return check("tokens_rotated", [], "No active service tokens, so none is overdue");
  const old = activeTokens
    .map((t) => ({ ...t, age: daysSince(t.createdAt, now) }))
    .filter((t) => t.age > TOKEN_MAX_AGE_DAYS)
    .sort((a, b) => b.age - a.age);
  const oldest = old[0];
  if (!oldest)
    return check("tokens_rotated", [], `All ${plural(activeTokens.length, "active token")} issued within ${TOKEN_MAX_AGE_DAYS} days`);
  return check(
    "tokens_rotated",
    [
      `${old.length} of ${plural(activeTokens.length, "active token")} older than ${TOKEN_MAX_AGE_DAYS} days (oldest: ${oldest.name}, ${oldest.age} days)`,
    ],
    "",
  );
}

function chain(verification: TChainVerification | null, now: Date): TControlCheck {
  if (!verification) return check("audit_chain_verified", ["Never verified: run Verify chain on the Audit page"], "");
  const when = `${verification.at.toISOString()} by ${verification.by}`;
  if (!verification.ok)
    return check("audit_chain_verified", [`The last verification (${when}) found a break at row ${verification.brokenAt ?? "?"}`], "");
  const age = daysSince(verification.at, now);
  if (age > CHAIN_VERIFIED_WITHIN_DAYS)
    return check(
      "audit_chain_verified",
      [`Last verified intact ${age} days ago (${when}); verify it at least every ${CHAIN_VERIFIED_WITHIN_DAYS} days`],
      "",
    );
  return check("audit_chain_verified", [], `Verified intact: ${plural(verification.checked, "event")} at ${when}`);
}

/** Each control of the scorecard, passed or not, with what was found. */
export function evaluateControls(inputs: TControlInputs): TControlCheck[] {
  const { readiness, owner, dataClasses, runbook } = inputs;
  const ownerProblems = owner.disabled ? [`The owner ${owner.email} is disabled`] : [];
  return [
    check(
      "owner_and_raci",
      [...ownerProblems, ...messagesOf(readiness, ["raci_accountable", "raci_function"])],
      `Owned by ${owner.email}; one Accountable and every RACI function filled`,
    ),
    check(
      "data_classes_declared",
      messagesOf(readiness, ["data_classes"]),
      `${plural(dataClasses.length, "data class", "data classes")} declared (${dataClasses.map((d) => d.key).join(", ")}; highest ${inputs.highestSensitivity})`,
    ),
    check(
      "models_approved_for_data",
      messagesOf(readiness, ["model_status", "model_sensitivity"]),
      inputs.models
        ? `All ${plural(inputs.models, "granted model")} approved for ${inputs.highestSensitivity ?? "its"} data`
        : "No models granted, so none handles data it is not approved for",
    ),
    check(
      "tool_contracts_present",
      messagesOf(readiness, ["tool_contract"]),
      inputs.tools ? `All ${plural(inputs.tools, "granted tool")} have an argument contract` : "No tools granted, so none lacks a contract",
    ),
    tokens(inputs),
    check(
      "runbook_present",
      runbook.trim() ? [] : ["No runbook: say what to do when it is halted"],
      `Runbook of ${plural(runbook.trim().length, "character")}`,
    ),
    // Drills (issue 17) engage a switch on purpose and time the halt; until they exist, nothing can pass this.
    check("kill_switch_drilled", ["No drill recorded — drills arrive with incidents"], ""),
    chain(inputs.chain, inputs.now),
  ];
}
