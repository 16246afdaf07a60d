import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterWizard } from "@/components/workflows/register-wizard";
import { ZWorkflowKey } from "@/lib/contracts/registry";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listWorkflowChoices } from "@/lib/server/registry/workflows/list-workflow-choices";

export const metadata: Metadata = { title: "Register a workflow" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewWorkflowPage({ searchParams }: TProps) {
  const access = await requirePageUser({ path: "/workflows/new", permission: "workflows:create" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const { key } = await searchParams;
  // A key from the shadow-workflows page is prefilled only when it is a key we would accept.
  const initialKey = typeof key === "string" && ZWorkflowKey.safeParse(key).success ? key : undefined;
  const choices = await listWorkflowChoices();
  const { id, name, email, roles } = access.user;
  return (
    <>
      <PageHeader
        title="Register a workflow"
        description={
          initialKey ? (
            <>
              Registering <code>{initialKey}</code>, which an automation already used without being registered.
            </>
          ) : (
            "What it is for, who answers for it, and what it may touch. It starts as a draft."
          )
        }
      />
      <RegisterWizard choices={choices} self={{ id, name, email }} isAdmin={roles.includes("ADMIN")} initialKey={initialKey} />
    </>
  );
}
