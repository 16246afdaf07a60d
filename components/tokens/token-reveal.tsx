"use client";

import { OneTimeSecret } from "@/components/ui/one-time-secret";

/** The one and only showing of a token's secret: copy it now, or create another. */
export function TokenReveal({
  secret,
  prefix,
  rotated,
  onDismiss,
}: {
  secret: string;
  prefix: string;
  rotated: boolean;
  onDismiss: () => void;
}) {
  return (
    <OneTimeSecret
      title={rotated ? "Your new token" : "Your token"}
      inputLabel={`Service token ${prefix}`}
      noun="token"
      secret={secret}
      onDismiss={onDismiss}
    >
      Tollgate stores only a hash of it. Put it in your automation&apos;s secret store, never in code or chat.
    </OneTimeSecret>
  );
}
