import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import type { TDashboard } from "@/lib/contracts/dashboard";

const SCOPE_LABELS = { GLOBAL: "Everything", WORKFLOW: "Workflow", TOOL: "Tool", MODEL: "Model", PROVIDER: "Provider" } as const;

/** Switches engaged right now: each halts every automation it covers until two Security people release it. */
export function KillSwitchesSection({ killSwitches }: { killSwitches: TDashboard["killSwitches"] }) {
  return (
    <Card titleId="kill-switches-title" title="Engaged kill switches">
      {killSwitches.length === 0 ? (
        <p className="empty-inline">None engaged: every governed automation may run.</p>
      ) : (
        <ul className="plain-list">
          {killSwitches.map((ks) => (
            <li key={ks.id} className="engaged-switch">
              <span>
                <Badge tone="bad">{SCOPE_LABELS[ks.scope]}</Badge> <strong>{ks.target ?? "all automations"}</strong>
              </span>
              <span className="engaged-switch-reason">“{ks.reason}”</span>
              <span className="muted">
                Engaged by {ks.engagedBy}, <Timestamp iso={ks.engagedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="card-footer-link">
        <Link href="/kill-switches">Kill switches</Link>
      </p>
    </Card>
  );
}
