"use client";

import { Alert } from "@/components/ui/alert";
import { useVerifyAuditChain } from "@/lib/client/audit/use-verify-audit-chain";

export function VerifyChain() {
  const verify = useVerifyAuditChain();
  const verdict = verify.data;
  return (
    <section className="card verify" aria-labelledby="verify-title">
      <div className="verify-head">
        <div>
          <h2 id="verify-title">Chain integrity</h2>
          <p className="muted">Recomputes every entry&apos;s hash from the first event on and checks each link to the one before it.</p>
        </div>
        <button className="button button-primary" type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify chain"}
        </button>
      </div>
      {verify.error ? <Alert tone="error" title={verify.error.detail} reference={verify.error.requestId} /> : null}
      {verdict?.ok ? (
        <Alert tone="success" title="Chain intact">
          <p>
            {verdict.checked} event{verdict.checked === 1 ? "" : "s"} verified. Latest hash <code className="hash">{verdict.lastHash}</code>
          </p>
        </Alert>
      ) : null}
      {verdict && !verdict.ok ? (
        <Alert tone="error" title={`Chain broken at event #${verdict.firstBreak?.seq ?? "?"}`}>
          <p>{verdict.firstBreak?.problem ?? "The chain does not verify."}</p>
          <p>
            {verdict.checked} event{verdict.checked === 1 ? "" : "s"} before it verified. Treat the log after that point as untrusted and
            investigate who had write access to the database.
          </p>
        </Alert>
      ) : null}
    </section>
  );
}
