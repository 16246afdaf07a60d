import { Badge } from "@/components/ui/badge";
import type { TWorkflowSummary } from "@/lib/contracts/workflows";
import { SENSITIVITY_LABELS, STATUS_LABELS } from "./labels";

const STATUS_TONES = { DRAFT: "neutral", ACTIVE: "good", PAUSED: "warn", RETIRED: "neutral" } as const;
const SENSITIVITY_TONES = { PUBLIC: "neutral", INTERNAL: "info", CONFIDENTIAL: "warn", RESTRICTED: "bad" } as const;
const TIER_TONES = { T0: "neutral", T1: "info", T2: "warn", T3: "bad" } as const;

export function StatusBadge({ status }: { status: TWorkflowSummary["status"] }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
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
