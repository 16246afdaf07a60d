import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import { Runbook } from "./runbook";
import { engagerName } from "./engager-name";
import { haltedThing } from "./scope-labels";

/** On a workflow's page: it is halted, by which switch and why, and what to do by hand meanwhile. */
export function HaltedBanner({ halts, workflow }: { halts: TKillSwitchView[]; workflow: { name: string; runbook: string } }) {
  if (!halts.length) return null;
  return (
    <section className="halted-banner" aria-labelledby="halted-title">
      <h2 id="halted-title">Halted</h2>
      <ul className="plain-list">
        {halts.map((ks) => (
          <li key={ks.id}>
            <strong>{haltedThing(ks)}</strong> engaged by {engagerName(ks, "name")} at <Timestamp iso={ks.engagedAt} />: “{ks.reason}”
          </li>
        ))}
      </ul>
      <Runbook workflowName={workflow.name} text={workflow.runbook} />
      <p className="small">
        Every call is denied until Security releases it. <Link href="/kill-switches">See kill switches</Link>
      </p>
    </section>
  );
}
