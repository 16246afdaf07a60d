import { Badge } from "@/components/ui/badge";
import type { TWebhookDeliveryStatus } from "@/lib/contracts/webhooks";

const TONES = { PENDING: "info", DELIVERED: "good", FAILED: "bad" } as const;

export function DeliveryStatusBadge({ status }: { status: TWebhookDeliveryStatus }) {
  return <Badge tone={TONES[status]}>{status.toLowerCase()}</Badge>;
}
