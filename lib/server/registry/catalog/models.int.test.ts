import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZCreateModel, ZUpdateModel, type TCreateModel, type TUpdateModel } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { createModel } from "./create-model";
import { getModel } from "./get-model";
import { setModelStatus } from "./set-model-status";
import { actorOf, auditEventsFor, givenModel, givenUser, givenWorkflow } from "@/test/fixtures/registry-catalog";
import { updateModel } from "./update-model";
import { runAudited } from "../../audit/run-audited";

const create = (user: TSessionUser, input: TCreateModel) =>
  runAudited(db, (tx) => createModel({ tx, actor: actorOf(user), user, input: ZCreateModel.parse(input) }));
const update = (user: TSessionUser, id: string, input: TUpdateModel) =>
  runAudited(db, (tx) => updateModel({ tx, actor: actorOf(user), user, id, input: ZUpdateModel.parse(input) }));
const setStatus = (user: TSessionUser, id: string, status: "APPROVED" | "SUSPENDED", reason = "Provider incident") =>
  runAudited(db, (tx) => setModelStatus({ tx, actor: actorOf(user), user, id, status, reason }));

const input: TCreateModel = {
  provider: "anthropic",
  model: "claude-test",
  version: "2026-01",
  regions: ["eu-west-1", "us-east-1", "eu-west-1"],
  dataRetentionDays: 0,
  trainingOptOut: true,
  loggingPolicy: "No prompt logging",
  maxSensitivity: "CONFIDENTIAL",
};

describe("createModel", () => {
  it("approves a model, names it provider/model/version and audits it", async () => {
    const security = await givenUser(["SECURITY"]);
    const view = await create(security, input);
    expect(view).toMatchObject({ ref: "anthropic/claude-test/2026-01", status: "APPROVED", regions: ["eu-west-1", "us-east-1"] });
    const [event] = await auditEventsFor("model", view.id);
    expect(event?.data).toMatchObject({
      before: null,
      after: { provider: "anthropic", status: "APPROVED", maxSensitivity: "CONFIDENTIAL" },
    });
    await expect(create(security, input)).rejects.toMatchObject({ code: "conflict", fieldProblems: [{ path: "version" }] });
  });

  it("refuses names that would break provider/model/version", () => {
    expect(ZCreateModel.safeParse({ ...input, model: "claude/3" }).success).toBe(false);
    expect(ZCreateModel.safeParse({ ...input, regions: [] }).success).toBe(false);
  });
});

describe("setModelStatus", () => {
  it("suspends a model and answers with the workflows that list it, with their status", async () => {
    const security = await givenUser(["SECURITY"]);
    const owner = await givenUser(["OWNER"]);
    const model = await givenModel();
    const active = await givenWorkflow({ ownerId: owner.id, key: "uses-it-active", modelIds: [model.id], status: "ACTIVE" });
    const draft = await givenWorkflow({ ownerId: owner.id, key: "uses-it-draft", modelIds: [model.id], status: "DRAFT" });
    await givenWorkflow({ ownerId: owner.id, key: "does-not" });

    const detail = await setStatus(security, model.id, "SUSPENDED", "Retention terms changed");
    expect(detail.status).toBe("SUSPENDED");
    expect(detail.affectedWorkflows).toEqual([
      { id: active.id, key: "uses-it-active", name: "Fixture workflow", status: "ACTIVE", environment: "PROD" },
      { id: draft.id, key: "uses-it-draft", name: "Fixture workflow", status: "DRAFT", environment: "PROD" },
    ]);
    const [event] = await auditEventsFor("model", model.id);
    expect(event?.data).toEqual({ before: { status: "APPROVED" }, after: { status: "SUSPENDED", reason: "Retention terms changed" } });

    await expect(setStatus(security, model.id, "SUSPENDED")).rejects.toMatchObject({ code: "conflict" });
    await expect(setStatus(security, model.id, "APPROVED", "Terms fixed")).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("shows an OWNER only their own affected workflows, and everyone else's to AUDITOR and APPROVER", async () => {
    const [owner, otherOwner, auditor, approver] = await Promise.all([
      givenUser(["OWNER"]),
      givenUser(["OWNER"]),
      givenUser(["AUDITOR"]),
      givenUser(["APPROVER"]),
    ]);
    const model = await givenModel();
    const mine = await givenWorkflow({ ownerId: owner.id, modelIds: [model.id] });
    await givenWorkflow({ ownerId: otherOwner.id, modelIds: [model.id] });

    const asOwner = await getModel({ user: owner, id: model.id });
    expect(asOwner.affectedWorkflows.map((w) => w.id)).toEqual([mine.id]);
    expect(asOwner.workflowCount).toBe(1);
    expect((await getModel({ user: auditor, id: model.id })).affectedWorkflows).toHaveLength(2);
    expect((await getModel({ user: approver, id: model.id })).affectedWorkflows).toHaveLength(2);
    await expect(getModel({ user: owner, id: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateModel", () => {
  it("changes terms against the version edited, and refuses a stale edit naming what changed", async () => {
    const security = await givenUser(["SECURITY"]);
    const model = await givenModel();
    const seen = model.updatedAt.toISOString();
    const view = await update(security, model.id, { maxSensitivity: "RESTRICTED", regions: ["us-east-1"], expectedUpdatedAt: seen });
    expect(view).toMatchObject({ maxSensitivity: "RESTRICTED", regions: ["us-east-1"] });
    await expect(update(security, model.id, { trainingOptOut: false, expectedUpdatedAt: seen })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("maxSensitivity CONFIDENTIAL → RESTRICTED"),
    });
    const [event] = await auditEventsFor("model", model.id);
    expect(event?.data).toMatchObject({
      before: { regions: ["eu-west-1"] },
      after: { regions: ["us-east-1"], maxSensitivity: "RESTRICTED" },
    });
  });
});
