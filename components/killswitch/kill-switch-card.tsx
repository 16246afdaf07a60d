import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import { engagerName } from "./engager-name";
import { ReleaseActions, type TKillSwitchViewer } from "./release-actions";
import { Runbook } from "./runbook";
import { haltedThing } from "./scope-labels";

/** One engaged switch: what it halts, who engaged it, why and since when, the runbook, and where its release stands. */
export function KillSwitchCard({ ks, viewer }: { ks: TKillSwitchView; viewer: TKillSwitchViewer }) {
  const titleId = `ks-${ks.id}-title`;
  const requester = ks.releaseRequestedBy;
  return (
    <article className="card kill-switch-card" aria-labelledby={titleId}>
      <header className="kill-switch-head">
        <h3 id={titleId}>{haltedThing(ks)}</h3>
        <Badge tone={requester ? "warn" : "bad"}>{requester ? "Release requested" : "Engaged"}</Badge>
      </header>
      <p className="kill-switch-reason">“{ks.reason}”</p>
      <p className="muted small">
        Engaged by {engagerName(ks, "name-and-email")} since <Timestamp iso={ks.engagedAt} />.
      </p>
      {ks.workflow ? <Runbook workflowName={ks.workflow.name} text={ks.workflow.runbook} /> : null}
      {requester && ks.releaseRequestedAt ? (
        <p className="decision">
          Release requested by {requester.name} ({requester.email}) at <Timestamp iso={ks.releaseRequestedAt} />: “{ks.releaseReason}” —
          awaiting a second Security person.
        </p>
      ) : null}
      {viewer.isSecurity ? <ReleaseActions ks={ks} viewer={viewer} /> : null}
    </article>
  );
}
