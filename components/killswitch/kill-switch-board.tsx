"use client";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefreshError } from "@/components/ui/refresh-error";
import { useKillSwitches } from "@/lib/client/killswitch/use-kill-switches";
import type { TKillSwitchList, TKillSwitchTargets } from "@/lib/contracts/killswitch";
import { EngageForm } from "./engage-form";
import { KillSwitchCard } from "./kill-switch-card";
import { KillSwitchHistory } from "./kill-switch-history";
import type { TKillSwitchViewer } from "./release-actions";

/** The kill-switch page: what is halted now, a way to halt more, and what was released. */
export function KillSwitchBoard({
  initial,
  targets,
  viewer,
}: {
  initial: TKillSwitchList;
  targets: TKillSwitchTargets;
  viewer: TKillSwitchViewer;
}) {
  const list = useKillSwitches({ initialData: initial });
  const all = (list.data ?? initial).killSwitches;
  const engaged = all.filter((ks) => !ks.releasedAt);
  return (
    <div className="stack">
      <RefreshError error={list.error} title="Could not refresh the kill switches" />
      {targets.scopes.length ? (
        <Card titleId="engage-title" title="Engage a kill switch">
          <EngageForm targets={targets} />
        </Card>
      ) : null}
      <section className="stack" aria-labelledby="engaged-title">
        <h2 id="engaged-title">Engaged now ({engaged.length})</h2>
        {engaged.length ? (
          engaged.map((ks) => <KillSwitchCard key={ks.id} ks={ks} viewer={viewer} />)
        ) : (
          <EmptyState title="No kill switches engaged">
            <p>Every automation is running normally. Engaging takes one person with a reason; releasing needs two people from Security.</p>
          </EmptyState>
        )}
      </section>
      <Card titleId="history-title" title="Released">
        <KillSwitchHistory released={all.filter((ks) => ks.releasedAt)} />
      </Card>
    </div>
  );
}
