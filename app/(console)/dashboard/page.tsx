import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { WindowSwitch } from "@/components/charts/window-switch";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ZScorecardWindow } from "@/lib/contracts/scorecard";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Dashboard" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: TProps) {
  const access = await requirePageUser({ path: "/dashboard", permission: "dashboard:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const asked = (await searchParams).window;
  const parsed = ZScorecardWindow.safeParse(asked ?? "7d");
  const window = parsed.success ? parsed.data : "7d";
  const dashboard = await getDashboard({ user: access.user, window });
  return (
    <>
      <PageHeader title="Dashboard" description="Risk across every governed automation you may see, at a glance." />
      <WindowSwitch basePath="/dashboard" current={window} />
      {parsed.success ? null : <Alert tone="info">The period in the address was not understood, so the last 7 days are shown.</Alert>}
      <DashboardView key={window} initial={dashboard} />
    </>
  );
}
