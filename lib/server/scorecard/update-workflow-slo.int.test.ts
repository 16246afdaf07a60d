import { describe, expect, it } from "vitest";
import { DEFAULT_SLO_TARGETS, type TUpdateSlo } from "@/lib/contracts/scorecard";
import { actorFor, givenUser, givenWorkflow } from "@/test/fixtures/registry-changes";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../authz/principal";
import { db } from "../db/client";
import { approveChangeRequest } from "../registry/changes/approve-change-request";
import { getWorkflowScorecard } from "./get-workflow-scorecard";
import { updateWorkflowSlo } from "./update-workflow-slo";

const TARGETS = { successRate: 0.995, toolErrorRate: 0.01, latencyP95Ms: 1_500 };

const update = (user: TSessionUser, workflowId: string, input: TUpdateSlo) =>
  runAudited(db, (tx) => updateWorkflowSlo({ tx, actor: actorFor(user), user, workflowId, input }));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a refusal"),
    (e: unknown) => e,
  );
const sloOf = async (user: TSessionUser, workflowId: string) => (await getWorkflowScorecard({ user, workflowId, window: "24h" })).slo;
const auditOf = (workflowId: string, action: string) =>
  db.auditEvent.findMany({ where: { targetId: workflowId, action }, orderBy: { seq: "asc" }, select: { data: true, actorLabel: true } });

describe("updateWorkflowSlo", () => {
  it("sets a draft's targets at once, as its next version, audited with before and after", async () => {
    const owner = await givenUser(["OWNER"]);
    const workflow = await givenWorkflow({ owner, status: "DRAFT" });
    expect(await sloOf(owner, workflow.id)).toMatchObject({ defaults: true, targets: DEFAULT_SLO_TARGETS });

    const result = await update(owner, workflow.id, { ...TARGETS, expectedVersion: workflow.version });
    expect(result).toEqual({ outcome: "applied", targets: TARGETS, version: workflow.version + 1 });
    expect(await sloOf(owner, workflow.id)).toMatchObject({ defaults: false, targets: TARGETS });
    expect(await db.workflow.findUniqueOrThrow({ where: { id: workflow.id }, select: { version: true } })).toEqual({
      version: workflow.version + 1,
    });
    expect(await auditOf(workflow.id, "workflow.slo.changed")).toEqual([
      { actorLabel: owner.email, data: { before: null, after: TARGETS, version: workflow.version + 1, changeRequestId: null } },
    ]);

    // Against the old version: refused, naming what changed since.
    const stale = await refusal(update(owner, workflow.id, { ...TARGETS, latencyP95Ms: 900, expectedVersion: workflow.version }));
    expect(stale).toMatchObject({ code: "conflict", detail: expect.stringMatching(/SLO targets .* → /) });
    const same = await refusal(update(owner, workflow.id, { ...TARGETS, expectedVersion: workflow.version + 1 }));
    expect(same).toMatchObject({ code: "bad_request", detail: expect.stringMatching(/^Nothing to change/) });
  });

  it("lets only the owner or an administrator change them: another owner finds nothing, a reader is refused", async () => {
    const [owner, stranger, auditor, admin] = await Promise.all([
      givenUser(["OWNER"]),
      givenUser(["OWNER"]),
      givenUser(["AUDITOR"]),
      givenUser(["ADMIN"]),
    ]);
    const workflow = await givenWorkflow({ owner, status: "DRAFT" });
    const input = { ...TARGETS, expectedVersion: workflow.version };
    expect(await refusal(update(stranger, workflow.id, input))).toMatchObject({ code: "not_found" });
    expect(await refusal(update(auditor, workflow.id, input))).toMatchObject({ code: "forbidden" });
    expect(await db.workflowSlo.count({ where: { workflowId: workflow.id } })).toBe(0);
    expect(await update(admin, workflow.id, input)).toMatchObject({ outcome: "applied" });
  });

  it("sends an active workflow's change to review, and applies it once a second person approves", async () => {
    const [owner, security] = await Promise.all([givenUser(["OWNER"]), givenUser(["SECURITY"])]);
    const workflow = await givenWorkflow({ owner, status: "ACTIVE" });
    const result = await update(owner, workflow.id, { ...TARGETS, expectedVersion: workflow.version });
    if (result.outcome !== "proposed") throw new Error("expected a proposal");
    expect(result.summary).toBe(
      `SLO change to ${workflow.key}: success rate target: 99% → 99.5%; tool error rate target: 2% → 1%; p95 latency target: 5 s → 1.5 s`,
    );
    // Nothing changed yet, and a second proposal waits for the first.
    expect(await sloOf(owner, workflow.id)).toMatchObject({ defaults: true });
    const second = await refusal(update(owner, workflow.id, { ...TARGETS, latencyP95Ms: 800, expectedVersion: workflow.version }));
    expect(second).toMatchObject({ code: "conflict", detail: expect.stringContaining(`/changes/${result.changeRequestId}`) });
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: result.changeRequestId } });
    expect(request).toMatchObject({
      subject: "WORKFLOW",
      status: "PENDING",
      baseVersion: workflow.version,
      proposed: { kind: "slo", targets: TARGETS },
    });

    const view = await runAudited(db, (tx) =>
      approveChangeRequest({ tx, actor: actorFor(security), user: security, id: result.changeRequestId, reason: "Agreed with the owner" }),
    );
    expect(view).toMatchObject({ status: "APPROVED", lines: expect.arrayContaining(["~ success rate target: 99% → 99.5%"]) });
    expect(await sloOf(owner, workflow.id)).toMatchObject({ defaults: false, targets: TARGETS });
    expect(await db.workflowSlo.findUniqueOrThrow({ where: { workflowId: workflow.id } })).toMatchObject({ updatedById: owner.id });
    expect(await auditOf(workflow.id, "workflow.slo.changed")).toEqual([
      {
        actorLabel: security.email,
        data: { before: null, after: TARGETS, version: workflow.version + 1, changeRequestId: result.changeRequestId },
      },
    ]);
  });

  it("refuses to apply a reviewed change once the workflow moved past the version it was made against", async () => {
    const [owner, security] = await Promise.all([givenUser(["OWNER"]), givenUser(["SECURITY"])]);
    const workflow = await givenWorkflow({ owner, status: "PAUSED" });
    const result = await update(owner, workflow.id, { ...TARGETS, expectedVersion: workflow.version });
    if (result.outcome !== "proposed") throw new Error("expected a proposal");
    await db.workflow.update({ where: { id: workflow.id }, data: { version: { increment: 1 } } });
    const approve = runAudited(db, (tx) =>
      approveChangeRequest({ tx, actor: actorFor(security), user: security, id: result.changeRequestId, reason: "Fine" }),
    );
    expect(await refusal(approve)).toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("changed since this request was made"),
    });
    expect(await db.workflowSlo.count({ where: { workflowId: workflow.id } })).toBe(0);
  });
});
