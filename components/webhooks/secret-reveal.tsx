"use client";

import { useState } from "react";

/** The one and only showing of an endpoint's signing secret: copy it to the receiver now. */
export function SecretReveal({ secret, endpointName, rotated, onDismiss }: { secret: string; endpointName: string; rotated: boolean; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="token-reveal" aria-labelledby="secret-reveal-title" role="status">
      <h3 id="secret-reveal-title">{rotated ? `New signing secret for ${endpointName}` : `Signing secret for ${endpointName}`}</h3>
      <p className="token-reveal-warning">
        <strong>Copy it now: it will not be shown again.</strong> The receiver uses it to check the <code>Tollgate-Signature</code> header.
        {rotated ? " Requests are signed with this secret from now on; the old one no longer verifies." : ""}
      </p>
      <div className="token-reveal-value">
        <input aria-label={`Signing secret for ${endpointName}`} readOnly value={secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button className="button button-primary" type="button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" ? <p className="error">Copying was blocked by the browser: select the secret and copy it by hand.</p> : null}
      <button className="button button-small" type="button" onClick={onDismiss}>
        I have stored it
      </button>
    </section>
  );
}
