"use client";

import { LiveStatus } from "@/components/charts/live-status";
import { useDashboard } from "@/lib/client/dashboard/use-dashboard";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { ApprovalsSection } from "./approvals-section";
import { DataFlowsSection } from "./data-flows-section";
import { InventorySection } from "./inventory-section";
import { KillSwitchesSection } from "./kill-switches-section";
import { RiskiestSection } from "./riskiest-section";
import { ShadowSection } from "./shadow-section";
import { TrendsSection } from "./trends-section";

/** The CISO's page: server-rendered figures, then refreshed live. */
export function DashboardView({ initial }: { initial: TDashboard }) {
  const query = useDashboard({ window: initial.window, initialData: initial });
  const dashboard = query.data ?? initial;
  return (
    <div className="stack live-stack">
      <LiveStatus generatedAt={dashboard.generatedAt} error={query.error} fetching={query.isFetching} />
      <div className="dashboard-grid">
        <KillSwitchesSection killSwitches={dashboard.killSwitches} />
        <ApprovalsSection pending={dashboard.pendingApprovals} now={dashboard.generatedAt} />
      </div>
      <RiskiestSection riskiest={dashboard.riskiest} window={dashboard.window} />
      <TrendsSection dashboard={dashboard} />
      <InventorySection inventory={dashboard.inventory} />
      <div className="dashboard-grid">
        <DataFlowsSection flows={dashboard.dataFlows} />
        <ShadowSection shadow={dashboard.shadow} />
      </div>
      <section className="card" aria-labelledby="incidents-title">
        <h2 id="incidents-title">Incidents</h2>
        <p className="muted">Not measured yet. {dashboard.incidents.note}</p>
      </section>
    </div>
  );
}
