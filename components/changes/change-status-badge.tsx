import { Badge } from "@/components/ui/badge";
import type { TChangeStatus } from "@/lib/contracts/changes";

const TONE = { PENDING: "warn", APPROVED: "good", REJECTED: "bad", WITHDRAWN: "neutral" } as const;

export function ChangeStatusBadge({ status }: { status: TChangeStatus }) {
  return <Badge tone={TONE[status]}>{status.toLowerCase()}</Badge>;
}
