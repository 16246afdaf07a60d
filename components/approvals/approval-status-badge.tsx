import { Badge } from "@/components/ui/badge";
import type { TApprovalStatus } from "@/lib/contracts/approvals";

const TONE = { PENDING: "warn", APPROVED: "good", DENIED: "bad", EXPIRED: "bad", CANCELLED: "neutral" } as const;

export function ApprovalStatusBadge({ status, breakGlass = false }: { status: TApprovalStatus; breakGlass?: boolean }) {
  return (
    <>
      <Badge tone={TONE[status]}>{status.toLowerCase()}</Badge>
      {breakGlass ? (
        <>
          {" "}
          <Badge tone="bad" title="Approved alone by Security with an incident reference">
            break-glass
          </Badge>
        </>
      ) : null}
    </>
  );
}
