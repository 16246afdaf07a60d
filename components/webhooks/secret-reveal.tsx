"use client";

import { OneTimeSecret } from "@/components/ui/one-time-secret";

/** The one and only showing of an endpoint's signing secret: copy it to the receiver now. */
export function SecretReveal({
  secret,
  endpointName,
  rotated,
  onDismiss,
}: {
  secret: string;
  endpointName: string;
  rotated: boolean;
  onDismiss: () => void;
}) {
  const title = rotated ? `New signing secret for ${endpointName}` : `Signing secret for ${endpointName}`;
  return (
    <OneTimeSecret title={title} inputLabel={`Signing secret for ${endpointName}`} noun="secret" secret={secret} onDismiss={onDismiss}>
      The receiver uses it to check the <code>Tollgate-Signature</code> header.
      {rotated ? " Requests are signed with this secret from now on; the old one no longer verifies." : ""}
    </OneTimeSecret>
  );
}
