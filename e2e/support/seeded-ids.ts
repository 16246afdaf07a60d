import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CLAUDE } from "./registry";

type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };
export type TRecord = { id: string } & Record<string, TJson>;

async function ok(response: APIResponse, status: number, what: string): Promise<TJson> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as TJson;
}

/** Every object with an `id` in a list answer, however the answer nests its list. */
export function recordsIn(json: TJson): TRecord[] {
  if (Array.isArray(json)) return json.flatMap(recordsIn);
  if (json === null || typeof json !== "object") return [];
  return typeof json.id === "string" ? [json as TRecord] : Object.values(json).flatMap(recordsIn);
}

async function find(request: APIRequestContext, path: string, match: (record: TRecord) => boolean = () => true): Promise<TRecord> {
  const found = recordsIn(await ok(await request.get(path), 200, `list ${path}`)).find(match);
  if (!found) throw new Error(`nothing in ${path} to use`);
  return found;
}

/** A secret for a new token of the workflow (environment: the workflow's own). */
export async function createTokenByApi(
  request: APIRequestContext,
  workflowId: string,
  scopes: string[],
): Promise<{ id: string; secret: string }> {
  const created = (await ok(
    await request.post(`/api/v1/workflows/${workflowId}/tokens`, { data: { name: `e2e-${randomUUID().slice(0, 8)}`, scopes } }),
    201,
    "create token",
  )) as { secret: string; token?: { id: string }; id?: string };
  const id = created.token?.id ?? created.id;
  if (!id) throw new Error("the created token's answer names no id");
  return { id, secret: created.secret };
}

/**
 * One real id per kind of record a console page or API path takes in its `[id]`: read from the
 * seeded data, and made (a policy, its change request, a pending approval) where the seed has none;
 * each call makes its own, so workers never collide. `request` must be signed in as an administrator.
 */
export async function seededIds(
  request: APIRequestContext,
): Promise<Record<"workflow" | "model" | "policy" | "change" | "approval" | "run" | "user" | "dataClass" | "tool", string>> {
  const workflow = await find(request, "/api/v1/workflows?search=support-refunds", (w) => w.key === "support-refunds");
  const model = await find(request, "/api/v1/catalog/models");
  const dataClass = await find(request, "/api/v1/catalog/data-classes");
  const tool = await find(request, "/api/v1/catalog/tools");
  const user = await find(request, "/api/v1/users", (u) => u.email === "auditor@tollgate.local");
  // A new policy waits for review (202): it brings a pending change request to visit as well.
  const created = (await ok(
    await request.post("/api/v1/policies", {
      data: { key: `e2e-${randomUUID().slice(0, 8)}`, name: "E2E policy", text: "permit(principal, action, resource);", enabled: false },
    }),
    202,
    "create policy",
  )) as { policy: { id: string }; changeRequest: { id: string } };
  // The refund's run: a run that only asked the gate still has a timeline page.
  const run = `e2e-${randomUUID()}`;
  const approval = await openApproval(request, workflow.id, run);
  return {
    workflow: workflow.id,
    model: model.id,
    policy: created.policy.id,
    change: created.changeRequest.id,
    approval,
    run,
    user: user.id,
    dataClass: dataClass.id,
    tool: tool.id,
  };
}

/** A refund over the cap's approval threshold, which opens an approval request and waits. */
async function openApproval(request: APIRequestContext, workflowId: string, runId: string): Promise<string> {
  const { secret } = await createTokenByApi(request, workflowId, ["DECIDE"]);
  const decision = (await ok(
    await request.post("/api/v1/decisions", {
      headers: { authorization: `Bearer ${secret}` },
      data: {
        runId,
        tool: "stripe.refund",
        arguments: { chargeId: "ch_e2e_headers", amount: 12_000, currency: "USD" },
        dataClasses: ["payment-cards"],
        model: CLAUDE,
      },
    }),
    200,
    "a refund that waits for approval",
  )) as { approvalId?: string };
  if (!decision.approvalId) throw new Error("the refund opened no approval to visit");
  return decision.approvalId;
}
