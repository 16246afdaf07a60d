import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { signInByApi } from "./session";

export const PROBLEM = "application/problem+json";
export const CLAUDE = "anthropic/claude-sonnet-4-5/2025-09-29";
const FUNCTIONS = ["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"] as const;

/** A workflow key no other test (or earlier run against the same server) has used. */
export const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;

/** Runs `fn` with a separate API session for `email`, for set-up done as someone other than the page's user. */
export async function asUser<T>(
  playwright: PlaywrightWorkerArgs["playwright"],
  email: string,
  fn: (request: APIRequestContext) => Promise<T>,
): Promise<T> {
  const request = await playwright.request.newContext();
  try {
    await signInByApi(request, email);
    return await fn(request);
  } finally {
    await request.dispose();
  }
}

async function json<T>(response: APIResponse, status: number, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

export async function readWorkflow(request: APIRequestContext, id: string): Promise<TWorkflowDetail> {
  return json(await request.get(`/api/v1/workflows/${id}`), 200, `read workflow ${id}`);
}

/** A draft owned by `request`'s user: support tickets, Claude, and stripe.refund capped at 500. */
export async function createDraftByApi(request: APIRequestContext, key: string): Promise<TWorkflowDetail> {
  const body = {
    key,
    name: `E2E ${key}`,
    purpose: "Refunds duplicate charges found in support tickets, up to a cap.",
    environment: "DEV",
    permissions: {
      dataClassKeys: ["support-tickets"],
      modelRefs: [CLAUDE],
      tools: [
        { toolKey: "stripe.refund", tier: "T3", ratePerMinute: 10, argumentConstraints: { properties: { amount: { maximum: 500 } } } },
      ],
    },
  };
  return json(await request.post("/api/v1/workflows", { data: body }), 201, `create ${key}`);
}

/** Fills every RACI function with the owner, issues a token and activates: the registry's happy path by API. */
export async function activateByApi(request: APIRequestContext, draft: TWorkflowDetail): Promise<TWorkflowDetail> {
  const assignments = FUNCTIONS.map((fn) => ({
    userId: draft.owner.id,
    function: fn,
    role: fn === "WORKFLOW_OWNER" ? "ACCOUNTABLE" : "RESPONSIBLE",
  }));
  const raci = await json<TWorkflowDetail>(
    await request.put(`/api/v1/workflows/${draft.id}/raci`, { data: { assignments, expectedVersion: draft.version } }),
    200,
    "replace RACI",
  );
  await json(
    await request.post(`/api/v1/workflows/${draft.id}/tokens`, { data: { name: "e2e-runner", scopes: ["DECIDE", "INGEST"] } }),
    201,
    "create token",
  );
  return json(
    await request.post(`/api/v1/workflows/${draft.id}/status`, {
      data: { to: "ACTIVE", reason: "e2e set-up", expectedVersion: raci.version },
    }),
    200,
    "activate",
  );
}

/** Proposes adding email.send to an active workflow; answers the pending change request's id. */
export async function proposeEmailSendByApi(request: APIRequestContext, workflow: TWorkflowDetail): Promise<string> {
  const permissions = {
    dataClassKeys: workflow.dataClasses.map((d) => d.key),
    modelRefs: workflow.models.map((m) => m.ref),
    tools: [
      ...workflow.tools.map((t) => ({
        toolKey: t.key,
        tier: t.tier,
        ratePerMinute: t.ratePerMinute,
        argumentConstraints: t.argumentConstraints,
      })),
      { toolKey: "email.send", tier: "T2", ratePerMinute: null, argumentConstraints: null },
    ],
  };
  const response = await request.post(`/api/v1/workflows/${workflow.id}/changes`, {
    data: { permissions, expectedVersion: workflow.version },
  });
  return (await json<{ id: string }>(response, 201, "propose email.send")).id;
}

/** A refusal in the one error envelope: the status, problem+json, and the code. */
export async function expectProblem(
  response: APIResponse,
  status: number,
  code: string,
  what: string,
): Promise<{ detail: string; errors?: { path: string; message: string }[] }> {
  expect(response.status(), what).toBe(status);
  expect(response.headers()["content-type"], what).toBe(PROBLEM);
  const problem = (await response.json()) as { code: string; detail: string; errors?: { path: string; message: string }[] };
  expect(problem.code, what).toBe(code);
  return problem;
}
