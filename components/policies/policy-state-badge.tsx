import { Badge } from "@/components/ui/badge";
import type { TPolicyView } from "@/lib/contracts/policies";

export function PolicyStateBadge({ policy }: { policy: Pick<TPolicyView, "state" | "version"> }) {
  if (policy.state === "draft")
    return (
      <Badge tone="warn" title="Not enforced until its first change is approved">
        Awaiting first review
      </Badge>
    );
  if (policy.state === "disabled") return <Badge tone="neutral">Disabled · v{policy.version}</Badge>;
  return <Badge tone="good">Enforced · v{policy.version}</Badge>;
}
