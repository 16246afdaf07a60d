import { Badge } from "@/components/ui/badge";
import type { TWorkflowHalt, TWorkflowSummary } from "@/lib/contracts/workflows";
import { SENSITIVITY_LABELS, STATUS_LABELS } from "./labels";

const STATUS_TONES = { DRAFT: "neutral", ACTIVE: "good", PAUSED: "warn", RETIRED: "neutral" } as const;
const SENSITIVITY_TONES = { PUBLIC: "neutral", INTERNAL: "info", CONFIDENTIAL: "warn", RESTRICTED: "bad" } as const;
const TIER_TONES = { T0: "neutral", T1: "info", T2: "warn", T3: "bad" } as const;

export function StatusBadge({ status }: { status: TWorkflowSummary["status"] }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** Beside the status: an engaged kill switch stops it, whatever its registry status says. */
export function HaltBadge({ halt }: { halt: TWorkflowHalt | null | undefined }) {
  if (!halt) return null;
  const by = halt.by.join(", ");
  return (
    <Badge tone="bad" title={`Kill switch engaged: ${by}`}>
      <span aria-hidden="true">■ </span>
      {halt.whole ? "Halted" : "Partly halted"}
      <span className="visually-hidden"> by the kill switch on {by}</span>
    </Badge>
  );
}

export function SensitivityBadge({ sensitivity }: { sensitivity: TWorkflowSummary["maxSensitivity"] }) {
  if (!sensitivity) return <span className="muted">None declared</span>;
  return <Badge tone={SENSITIVITY_TONES[sensitivity]}>{SENSITIVITY_LABELS[sensitivity]}</Badge>;
}

export function TierBadge({ tier }: { tier: TWorkflowSummary["maxTier"] }) {
  if (!tier) return <span className="muted">No tools</span>;
  return (
    <Badge tone={TIER_TONES[tier]} title={`Approval tier ${tier}`}>
      {tier}
    </Badge>
  );
}
