import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { KillSwitchBoard } from "@/components/killswitch/kill-switch-board";
import { PageHeader } from "@/components/ui/page-header";
import { KILL_SWITCH_HISTORY_DEFAULT } from "@/lib/contracts/killswitch";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listKillSwitchTargets } from "@/lib/server/killswitch/list-kill-switch-targets";
import { listKillSwitches } from "@/lib/server/killswitch/list-kill-switches";

export const metadata: Metadata = { title: "Kill switches" };

export default async function KillSwitchesPage() {
  const access = await requirePageUser({ path: "/kill-switches", permission: "killswitch:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const { user } = access;
  const initial = await listKillSwitches({ user, query: { state: "all", limit: KILL_SWITCH_HISTORY_DEFAULT } });
  const targets = await listKillSwitchTargets({ user });
  // Release controls follow the two-person rule, which names the SECURITY role; the server re-checks each step.
  const viewer = { id: user.id, isSecurity: user.roles.includes("SECURITY") };
  return (
    <>
      <PageHeader
        title="Kill switches"
        description="Halt automations instantly: everywhere, or one workflow, tool, model or provider. Engaging takes one person with a reason; releasing needs two people from Security."
      />
      <KillSwitchBoard initial={initial} targets={targets} viewer={viewer} />
    </>
  );
}
