import { Badge } from "@/components/ui/badge";
import { formatTimestamp } from "@/components/ui/timestamp";
import type { TTokenView } from "@/lib/contracts/tokens-admin";

/** active / expiring (rotated, valid until …) / expired / revoked: the rule runtime authentication applies. */
export function TokenStatusBadge({ token }: { token: TTokenView }) {
  switch (token.status) {
    case "active":
      return <Badge tone="good">active</Badge>;
    case "expiring":
      return <Badge tone="warn">rotated, valid until {formatTimestamp(token.validUntil)}</Badge>;
    case "expired":
      return <Badge tone="neutral">expired</Badge>;
    case "revoked":
      return <Badge tone="bad">revoked</Badge>;
  }
}
