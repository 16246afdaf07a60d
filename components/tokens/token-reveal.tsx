"use client";

import { useState } from "react";

/** The one and only showing of a token's secret: copy it now, or create another. */
export function TokenReveal({ secret, prefix, rotated, onDismiss }: { secret: string; prefix: string; rotated: boolean; onDismiss: () => void }) {
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
    <section className="token-reveal" aria-labelledby="token-reveal-title" role="status">
      <h3 id="token-reveal-title">{rotated ? "Your new token" : "Your token"}</h3>
      <p className="token-reveal-warning">
        <strong>Copy it now: it will not be shown again.</strong> Tollgate stores only a hash of it. Put it in your automation&apos;s secret store,
        never in code or chat.
      </p>
      <div className="token-reveal-value">
        <input aria-label={`Service token ${prefix}`} readOnly value={secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button className="button button-primary" type="button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" ? <p className="error">Copying was blocked by the browser: select the token and copy it by hand.</p> : null}
      <button className="button button-small" type="button" onClick={onDismiss}>
        I have stored it
      </button>
    </section>
  );
}
