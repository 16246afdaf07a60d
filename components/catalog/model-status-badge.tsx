import { Badge } from "@/components/ui/badge";

export function ModelStatusBadge({ status }: { status: "APPROVED" | "SUSPENDED" }) {
  return status === "APPROVED" ? <Badge tone="good">Approved</Badge> : <Badge tone="bad">Suspended</Badge>;
}
