import "server-only";
import { WEBHOOK_TEST_EVENT, type TApprovalWebhookData, type TWebhookEventType } from "@/lib/contracts/webhooks";

const HEADLINE: Record<TWebhookEventType, { emoji: string; verb: (d: TApprovalWebhookData) => string }> = {
  "approval.created": { emoji: ":hourglass:", verb: () => "approval needed" },
  "approval.escalated": { emoji: ":rotating_light:", verb: () => "approval escalated" },
  "approval.decided": { emoji: ":white_check_mark:", verb: (d) => `approval ${d.status.toLowerCase()}` },
};

// Slack rejects section texts over 3000 characters and fields over 2000.
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// Slack reads <…> as links and mentions: a reason saying <!channel> must not page everyone.
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

function formatUtcTime(iso: string): string {
  const date = new Date(iso);
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${hh}:${mm} UTC`;
}

/** A body that a Slack incoming webhook accepts as-is; `event`, `id`, `occurredAt` and `data` are for other receivers. */
export function buildWebhookPayload(input: { id: string; occurredAt: Date; type: TWebhookEventType; data: TApprovalWebhookData }) {
  const { data, type } = input;
  const headline = HEADLINE[type];
  const workflowName = escape(data.workflowName);
  const workflowKey = escape(data.workflowKey);
  const tool = escape(data.tool);
  const decided = data.status !== "PENDING";
  const emoji = decided && data.status !== "APPROVED" ? ":no_entry:" : headline.emoji;
  const progress = `${data.approvals}/${data.approvalsRequired} approvals`;
  const deadline = decided ? "" : `, expires ${formatUtcTime(data.expiresAt)}`;
  const text = clip(`${emoji} ${data.tier} ${headline.verb(data)}: ${tool} on ${workflowKey} — ${progress}${deadline}`, 3000);
  const fields = [
    `*Workflow*\n${workflowName} (\`${workflowKey}\`)`,
    `*Tool*\n\`${tool}\``,
    `*Tier*\n${data.tier}${data.breakGlass ? " (break-glass)" : ""}`,
    `*Status*\n${data.status} — ${progress}`,
    `*Expires*\n${data.expiresAt}`,
    ...(data.reason ? [`*Reason*\n${escape(data.reason)}`] : []),
  ].map((field) => ({ type: "mrkdwn", text: clip(field, 2000) }));
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "section", fields },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: clip(`Approval \`${data.id}\` · arguments \`${data.argumentsHash}\``, 2000) }],
      },
    ],
    event: type,
    id: input.id,
    occurredAt: input.occurredAt.toISOString(),
    data,
  };
}

/** The console's "send test": the same envelope, so a receiver that accepts this accepts the real thing. */
export function buildTestWebhookPayload(input: { id: string; occurredAt: Date; endpointName: string; actorLabel: string }) {
  const text = clip(`:wave: Tollgate test delivery to ${escape(input.endpointName)}, sent by ${escape(input.actorLabel)}`, 3000);
  return {
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
    event: WEBHOOK_TEST_EVENT,
    id: input.id,
    occurredAt: input.occurredAt.toISOString(),
    data: { endpointName: input.endpointName, sentBy: input.actorLabel },
  };
}
