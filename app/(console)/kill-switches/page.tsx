import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/server/http/require-page-user";

export const metadata: Metadata = { title: "Kill switches" };

export default async function KillSwitchesPage() {
  const access = await requirePageUser({ path: "/kill-switches", permission: "killswitch:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  return (
    <>
      <PageHeader title="Kill switches" description="Halt automations instantly: everywhere, or one workflow, tool, model or provider." />
      <EmptyState title="No kill switches engaged">
        <p>
          Every automation is running normally. Engaged switches appear here with who engaged them, why and when. Engaging takes one
          person with a reason; releasing needs a second person from security.
        </p>
      </EmptyState>
    </>
  );
}
