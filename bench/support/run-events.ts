import { randomUUID } from "node:crypto";
import type { TRunEvent } from "@/lib/contracts/events";
import { pick, random, token } from "./random";

// What an agent reports: runs of ten events (start, three model calls, three tool calls with
// their results, end) whose prompts and outputs quote tickets — one in eight with a customer's
// e-mail address, phone number or card number in it, which redaction must remove before storage.

const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";
const TICKETS = [
  "Customer reports being charged twice for order ORD-2026-{n}; the second charge should be refunded per policy 4.2.",
  "Password reset link expired before the customer could use it; they are asking for a new one and an explanation.",
  "Invoice INV-{n} shows the wrong VAT number, customer wants a corrected copy sent to accounts payable.",
  "The export job for workspace {n} has been stuck at 90% since yesterday; the customer needs it for an audit.",
];
const PERSONAL = [
  " Contact: jane.doe{n}@example.com.",
  " Call back on +44 20 7946 0{n}.",
  " They read out card 4111 1111 1111 1111 (exp 12/28) over chat.",
];
const TOOLS = ["zendesk.ticket.read", "stripe.refund", "email.send"];
const SYSTEM_PROMPT =
  "You are the billing support agent of Acme. Read the ticket, check the customer's recent charges, and decide whether a refund " +
  "is due under policy 4.2 (duplicate charges within 30 days, up to 500 USD). Never promise anything the policy does not allow; " +
  "escalate to a human when unsure. Answer with the next tool call and a short reply to the customer.";

const fill = (text: string) => text.replaceAll("{n}", String(100 + Math.floor(random() * 900)));
const ticket = () => fill(pick(TICKETS)) + (random() < 0.125 ? fill(pick(PERSONAL)) : "");

function eventData(type: TRunEvent["type"], tool: string): Record<string, unknown> {
  switch (type) {
    case "model_call":
      return {
        prompt: `${SYSTEM_PROMPT}\nTicket: ${ticket()}`,
        output: `The ticket concerns a billing problem. Next action: call ${tool} and reply to the customer. ${ticket()}`,
        usage: { inputTokens: 400 + Math.floor(random() * 800), outputTokens: 50 + Math.floor(random() * 300) },
      };
    case "tool_call":
      return { arguments: { ticketId: `ZD-${Math.floor(random() * 1e6)}`, note: ticket() } };
    case "tool_result":
      return { result: { status: "ok", id: `re_${token(16)}`, summary: ticket() } };
    default:
      return { trigger: "zendesk webhook", queue: pick(["billing", "accounts", "exports"]) };
  }
}

const RUN: TRunEvent["type"][] = [
  "run_started",
  "model_call",
  "tool_call",
  "tool_result",
  "model_call",
  "tool_call",
  "tool_result",
  "model_call",
  "tool_call",
  "run_ended",
];

/** `size` events from size/10 fresh runs, with fresh ids: a retry-free, realistic batch. */
export function eventBatch(size: number): TRunEvent[] {
  const events: TRunEvent[] = [];
  const started = Date.now() - 60_000;
  while (events.length < size) {
    const runId = `run-${randomUUID()}`;
    RUN.forEach((type, step) => {
      if (events.length >= size) return;
      const tool = pick(TOOLS);
      events.push({
        id: randomUUID(),
        runId,
        type,
        occurredAt: new Date(started + step * 1_000).toISOString(),
        ...(type === "model_call" ? { model: MODEL, latencyMs: 300 + Math.floor(random() * 2_000) } : {}),
        ...(type === "tool_call" || type === "tool_result" ? { tool, latencyMs: 20 + Math.floor(random() * 400) } : {}),
        ...(type === "run_ended" ? { outcome: "success" as const } : {}),
        data: eventData(type, tool),
      });
    });
  }
  return events;
}
