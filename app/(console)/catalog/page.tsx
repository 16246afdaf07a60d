import type { Metadata } from "next";
import { CatalogHub } from "@/components/catalog/catalog-hub";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { summarizeCatalog } from "@/lib/server/registry/catalog/summarize-catalog";

export const metadata: Metadata = { title: "Catalog" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default async function CatalogPage() {
  const access = await requirePageUser({ path: "/catalog", permission: "catalog:read" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const s = await summarizeCatalog();
  return (
    <>
      <PageHeader
        title="Catalog"
        description="What automations may touch and use: the data classes, models, tools and custom policies that every workflow is checked against."
      />
      <CatalogHub
        sections={[
          {
            title: "Data classes",
            href: "/catalog/data-classes",
            description: "Kinds of data workflows declare, with sensitivity, tags and retention.",
            counts: `${plural(s.dataClasses, "class", "classes")} · ${s.restrictedDataClasses} restricted`,
          },
          {
            title: "Models",
            href: "/catalog/models",
            description: "Approved models and providers, their terms and the highest sensitivity each may see.",
            counts: `${plural(s.models, "model")} · ${s.suspendedModels} suspended`,
          },
          {
            title: "Tools",
            href: "/catalog/tools",
            description: "Tools automations call, their consequence and argument contract.",
            counts: plural(s.tools, "tool"),
          },
          {
            title: "Policies",
            href: "/catalog/policies",
            description: "Custom Cedar policies, versioned and reviewed.",
            counts: `${plural(s.policies, "policy", "policies")} · ${s.draftPolicies} awaiting first review · ${plural(s.pendingPolicyChanges, "change")} pending`,
          },
        ]}
      />
    </>
  );
}
