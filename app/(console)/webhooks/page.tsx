import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksAdmin } from "@/components/webhooks/webhooks-admin";
import { ZWebhookDeliveriesQuery } from "@/lib/contracts/webhooks";
import { requirePageUser } from "@/lib/server/http/require-page-user";
import { listWebhookDeliveries } from "@/lib/server/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/server/webhooks/list-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const access = await requirePageUser({ path: "/webhooks", permission: "webhooks:manage" });
  if (!access.allowed) return <AccessDenied permission={access.permission} />;
  const [initialEndpoints, initialDeliveries] = await Promise.all([
    listWebhookEndpoints(),
    listWebhookDeliveries({ query: ZWebhookDeliveriesQuery.parse({}) }),
  ]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Signed notifications of approval requests, escalations and decisions, for chat and paging tools. Each endpoint has its own secret."
      />
      <WebhooksAdmin initialEndpoints={initialEndpoints} initialDeliveries={initialDeliveries} />
    </>
  );
}
