import { Card } from "@/components/ui/card";
import { TierBadge } from "@/components/workflows/workflow-badges";
import type { TApprovalDetail } from "@/lib/contracts/approvals-console";

/** What the call will do: the tool, its consequence, the redacted arguments and why a person must decide. */
export function ApprovalFacts({ approval }: { approval: TApprovalDetail }) {
  const { tool } = approval;
  return (
    <Card titleId="facts-title" title="What it will do">
      <dl className="facts">
        <dt>Tool</dt>
        <dd>
          <code>{tool.key}</code>
          {tool.name ? ` — ${tool.name}${tool.system ? ` (${tool.system})` : ""}` : null}
        </dd>
        <dt>Consequence</dt>
        <dd>
          {approval.consequence.toLowerCase().replaceAll("_", " ")} · <TierBadge tier={approval.tier} /> ({approval.approvalsRequired}{" "}
          distinct approver
          {approval.approvalsRequired === 1 ? "" : "s"})
        </dd>
        <dt>Model</dt>
        <dd>
          <code>{approval.model}</code>
        </dd>
        <dt>Data classes</dt>
        <dd>
          {approval.dataClasses.length ? (
            approval.dataClasses.map((d) => <code key={d}>{d} </code>)
          ) : (
            <span className="muted">None named</span>
          )}
        </dd>
        <dt>Run</dt>
        <dd>
          <code>{approval.runId}</code>
        </dd>
        <dt>Asked by</dt>
        <dd>
          {approval.requestedBy ? (
            <>
              service token <code>{approval.requestedBy.prefix}</code> ({approval.requestedBy.name}), created by{" "}
              {approval.requestedBy.createdBy.name}
            </>
          ) : (
            <span className="muted">A token that no longer exists</span>
          )}
        </dd>
      </dl>
      <h3>Why a person must decide</h3>
      <ul className="plain-list">
        {approval.reasons.map((reason, i) => (
          <li key={`${reason.code}-${i}`}>
            {reason.message}{" "}
            <span className="muted small">
              (rule {reason.rule}, {reason.code})
            </span>
          </li>
        ))}
      </ul>
      <h3>Arguments (redacted)</h3>
      <pre className="json">{JSON.stringify(approval.arguments, null, 2)}</pre>
      <p className="muted small hash">
        Bound to arguments SHA-256 <code>{approval.argumentsHash}</code>: the approval is refused for any other arguments. Registry version{" "}
        <code>{approval.registryVersion}</code>.
      </p>
    </Card>
  );
}
