import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";

type TDecisionAnswer = { outcome: "allow" | "deny" | "require_approval"; reasons: { code: string }[]; approvalId?: string };

/** One call through the real gate with a workflow's DECIDE token; answers the gate's decision. */
export async function decide(
  request: APIRequestContext,
  secret: string,
  call: { runId: string; tool: string; arguments: Record<string, unknown>; dataClasses: string[]; model: string },
): Promise<TDecisionAnswer> {
  const response = await request.post("/api/v1/decisions", { headers: { authorization: `Bearer ${secret}` }, data: call });
  expect(response.status(), `decide ${call.tool}: ${await response.text()}`).toBe(200);
  return (await response.json()) as TDecisionAnswer;
}

export type TEventInput = {
  runId: string;
  type: "run_started" | "run_ended" | "model_call" | "tool_call" | "tool_result" | "human_override" | "rollback" | "error";
  tool?: string;
  outcome?: "success" | "failure" | "denied" | "cancelled";
  latencyMs?: number;
  data?: Record<string, unknown>;
};

/** Reports run events with a workflow's INGEST token; every one must be stored. */
export async function reportEvents(request: APIRequestContext, secret: string, events: TEventInput[]): Promise<void> {
  const now = Date.now();
  const body = { events: events.map((event, index) => ({ id: randomUUID(), occurredAt: new Date(now + index).toISOString(), ...event })) };
  const response = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${secret}` }, data: body });
  expect(response.status(), `report events: ${await response.text()}`).toBe(200);
  expect(((await response.json()) as { stored: number }).stored).toBe(events.length);
}
