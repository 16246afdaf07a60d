import type { TDecisionReason, TDecisionResponse } from "@/lib/contracts/decisions";
import type { TRunEvent } from "@/lib/contracts/events";
import type { TApprovalTier } from "@/lib/contracts/registry-enums";

/** Why the SDK decided on its own, without the gate's answer. */
export type TLocalReasonCode =
  /** An engaged kill switch covers this call: denied without asking the gate. */
  | "kill_switch_engaged"
  /** The kill-switch lease lapsed (or was never obtained): a halt may have been missed. */
  | "kill_switch_state_unknown"
  /** The gate did not answer (network error, timeout, 5xx). */
  | "gate_unreachable"
  /** A T0 call allowed while the lease or the gate was out, because `failOpenT0` is set. */
  | "fail_open_t0";

export type TLocalReason = { code: TLocalReasonCode; message: string };
export type TTollgateReason = TDecisionReason | TLocalReason;

/** The gate's answer, as it sent it. */
export type TGateDecision = TDecisionResponse & { source: "gate" };

/** An answer the SDK gave itself because it could not (or must not) rely on the gate. */
export type TLocalDecision = {
  source: "local";
  outcome: "allow" | "deny";
  runId: string;
  tool: string;
  /** The tool's last known tier; null when the gate never told this client. */
  tier: TApprovalTier | null;
  decidedAt: string;
  reasons: TLocalReason[];
};

export type TDecision = TGateDecision | TLocalDecision;

export type TCallOptions = {
  /** Defaults to the client's (or the run's) run id. */
  runId?: string;
  /** Defaults to the client's `dataClasses`. */
  dataClasses?: string[];
  /** Defaults to the client's `model`. */
  model?: string;
  /** An approval granted for exactly these arguments. */
  approvalId?: string;
  /** Stops waiting on an approval (the call is then denied). */
  signal?: AbortSignal;
  /** guard: screen the tool's result (`POST /api/v1/screen`) before returning it; defaults to the client's `screenToolResults`. */
  screenResult?: boolean;
};

/** An event to report; `id`, `occurredAt`, `runId` and `model` are filled in when left out. */
export type TReportEvent = Omit<TRunEvent, "id" | "occurredAt" | "runId"> & Partial<Pick<TRunEvent, "id" | "occurredAt" | "runId">>;

export type TLeaseState = "connecting" | "held" | "lapsed" | "closed";
