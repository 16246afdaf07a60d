import { beforeAll, describe, expect, it } from "vitest";
import { ZCreateWorkflow, type TCreateWorkflow } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { createWorkflow } from "./create-workflow";
import { actorFor, auditEventsFor, givenCatalog, givenUser } from "@/test/fixtures/registry-workflows";
import { runAudited } from "../../audit/run-audited";

let owner: TSessionUser;
let admin: TSessionUser;
let otherOwner: TSessionUser;
let data: TSessionUser;

beforeAll(async () => {
  await givenCatalog();
  [owner, admin, otherOwner, data] = await Promise.all([
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["ADMIN"] }),
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["OWNER", "APPROVER"] }),
  ]);
});

const create = (user: TSessionUser, input: TCreateWorkflow) =>
  runAudited(db, (tx) => createWorkflow({ tx, actor: actorFor(user), user, input: ZCreateWorkflow.parse(input) }));
const basics = (key: string) => ({ key, name: "Refund bot", purpose: "Refunds duplicate charges", environment: "PROD" as const });
const problemsOf = (promise: Promise<unknown>) =>
  promise.then(
    () => [],
    (e: { fieldProblems?: { path: string }[] }) => [...new Set((e.fieldProblems ?? []).map((p) => p.path))].sort(),
  );

describe("createWorkflow", () => {
  it("registers a draft with RACI and permissions, derives its risk and audits workflow.created", async () => {
    const view = await create(owner, {
      ...basics("refund-bot"),
      runbook: "Refund by hand",
      raci: [
        { userId: owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
        { userId: data.id, function: "DATA_OWNER", role: "RESPONSIBLE" },
      ],
      permissions: {
        dataClassKeys: ["tickets", "cards"],
        modelRefs: ["acme/large/2"],
        tools: [
          {
            toolKey: "stripe.refund",
            tier: "T3",
            ratePerMinute: 5,
            argumentConstraints: { type: "object", properties: { amount: { maximum: 5000 } } },
          },
        ],
      },
    });
    expect(view).toMatchObject({
      key: "refund-bot",
      status: "DRAFT",
      version: 1,
      owner: { id: owner.id },
      maxSensitivity: "RESTRICTED",
      maxTier: "T3",
      canEdit: true,
      dataClasses: [{ key: "cards" }, { key: "tickets" }],
      models: [{ ref: "acme/large/2", status: "APPROVED" }],
      tools: [{ key: "stripe.refund", tier: "T3", ratePerMinute: 5, defaultTier: "T3", hasContract: true }],
    });
    expect(view.raci.map((r) => [r.function, r.role, r.user.id])).toEqual([
      ["WORKFLOW_OWNER", "ACCOUNTABLE", owner.id],
      ["DATA_OWNER", "RESPONSIBLE", data.id],
    ]);
    const [event] = await auditEventsFor(view.id);
    expect(event).toMatchObject({ action: "workflow.created", actorId: owner.id });
    expect(event?.data).toMatchObject({
      after: { key: "refund-bot", owner: owner.email, status: "DRAFT", permissions: { dataClassKeys: ["tickets", "cards"] } },
    });
  });

  it("makes the owner the Accountable workflow owner when no RACI chart is given", async () => {
    const view = await create(owner, basics("default-raci"));
    expect(view.raci).toEqual([
      { user: { id: owner.id, name: owner.name, email: owner.email }, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
    ]);
    expect(view).toMatchObject({ maxSensitivity: null, maxTier: null, approvalTimeoutMinutes: 60 });
  });

  it("records the approval timeout chosen at registration, and refuses one out of bounds", async () => {
    const view = await create(owner, { ...basics("slow-approvals"), approvalTimeoutMinutes: 240 });
    expect(view.approvalTimeoutMinutes).toBe(240);
    const [event] = await auditEventsFor(view.id);
    expect(event?.data).toMatchObject({ after: { approvalTimeoutMinutes: 240 } });
    expect(ZCreateWorkflow.safeParse({ ...basics("too-slow"), approvalTimeoutMinutes: 10_081 }).error?.issues).toMatchObject([
      { path: ["approvalTimeoutMinutes"], message: "Use at most 10,080 minutes (7 days)" },
    ]);
  });

  it("refuses a taken key with 409 on the key field", async () => {
    await create(owner, basics("taken-key"));
    await expect(create(otherOwner, basics("taken-key"))).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "body.key" }],
    });
  });

  it("reports every RACI and permission problem at once, on its field, and writes nothing", async () => {
    const attempt = create(owner, {
      ...basics("bad-input"),
      raci: [
        { userId: owner.id, function: "WORKFLOW_OWNER", role: "RESPONSIBLE" },
        { userId: owner.id, function: "WORKFLOW_OWNER", role: "INFORMED" },
      ],
      permissions: {
        dataClassKeys: ["nope"],
        modelRefs: ["x/y/z"],
        tools: [{ toolKey: "stripe.refund", tier: "T1", ratePerMinute: null, argumentConstraints: { type: 12 } }],
      },
    });
    expect(await problemsOf(attempt)).toEqual([
      "body.permissions.dataClassKeys.0",
      "body.permissions.modelRefs.0",
      "body.permissions.tools.0.argumentConstraints",
      "body.permissions.tools.0.tier",
      "body.raci",
      "body.raci.1.function",
    ]);
    expect(await db.workflow.count({ where: { key: "bad-input" } })).toBe(0);
  });

  it("lets an ADMIN register for another owner, and nobody else", async () => {
    await expect(create(admin, { ...basics("for-other"), ownerId: otherOwner.id })).resolves.toMatchObject({
      owner: { id: otherOwner.id },
    });
    await expect(create(owner, { ...basics("not-mine"), ownerId: otherOwner.id })).rejects.toMatchObject({
      code: "forbidden",
      fieldProblems: [{ path: "body.ownerId" }],
    });
    await expect(create(admin, { ...basics("to-admin"), ownerId: admin.id })).resolves.toMatchObject({ owner: { id: admin.id } });
    const approver = await givenUser({ roles: ["APPROVER"] });
    await expect(create(admin, { ...basics("to-approver"), ownerId: approver.id })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "body.ownerId" }],
    });
  });

  it("marks a shadow workflow with the same key as registered, once, and audits it", async () => {
    await db.shadowWorkflow.create({ data: { key: "seen-in-the-wild", lastTool: "kb.search" } });
    const view = await create(owner, basics("seen-in-the-wild"));
    expect(await db.shadowWorkflow.findUnique({ where: { key: "seen-in-the-wild" } })).toMatchObject({ registeredWorkflowId: view.id });
    const events = await db.auditEvent.findMany({ where: { action: "shadow_workflow.registered" } });
    expect(events.map((e) => e.data)).toEqual([{ key: "seen-in-the-wild", workflowId: view.id }]);
  });
});
