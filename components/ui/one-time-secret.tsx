"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * The one and only showing of a secret (a service token, a webhook signing secret): copy it now,
 * it is stored hashed or encrypted and never shown again.
 */
export function OneTimeSecret(props: {
  title: string;
  inputLabel: string;
  noun: string;
  secret: string;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const titleId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="token-reveal" aria-labelledby={titleId} role="status">
      <h3 id={titleId}>{props.title}</h3>
      <p className="token-reveal-warning">
        <strong>Copy it now: it will not be shown again.</strong> {props.children}
      </p>
      <div className="token-reveal-value">
        <input aria-label={props.inputLabel} readOnly value={props.secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button className="button button-primary" type="button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" ? (
        <p className="error">Copying was blocked by the browser: select the {props.noun} and copy it by hand.</p>
      ) : null}
      <button className="button button-small" type="button" onClick={props.onDismiss}>
        I have stored it
      </button>
    </section>
  );
}
