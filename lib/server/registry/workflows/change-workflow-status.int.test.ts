import { beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import type { AppError } from "../../errors";
import { assessReadiness } from "./assess-readiness";
import { changeWorkflowStatus } from "./change-workflow-status";
import {
  actorFor,
  auditEventsFor,
  givenCatalog,
  givenPermissions,
  givenUser,
  givenWorkflow,
  refusalExpected,
} from "@/test/fixtures/registry-workflows";
import { runAudited } from "../../audit/run-audited";

let owner: TSessionUser;
let people: TSessionUser[];

beforeAll(async () => {
  await givenCatalog();
  owner = await givenUser({ roles: ["OWNER"] });
  people = [
    owner,
    ...(await Promise.all([givenUser({ roles: ["OWNER"] }), givenUser({ roles: ["ADMIN"] }), givenUser({ roles: ["SECURITY"] })])),
  ];
});

type TTo = "ACTIVE" | "PAUSED" | "RETIRED";
const change = (id: string, to: TTo, expectedVersion: number, reason?: string) =>
  runAudited(db, (tx) => changeWorkflowStatus({ tx, actor: actorFor(owner), user: owner, id, to, reason, expectedVersion }));
const readiness = (id: string) => assessReadiness({ tx: db, workflowId: id });

async function readyDraft() {
  const wf = await givenWorkflow({ owner, raci: people, token: true });
  await givenPermissions(wf.id, { dataClasses: ["customers"], models: ["acme/large/2"], tools: ["stripe.refund"] });
  return wf;
}

describe("assessReadiness", () => {
  it("lists exactly what a bare draft lacks", async () => {
    const wf = await givenWorkflow({ owner });
    expect(await readiness(wf.id)).toEqual({
      ready: false,
      missing: [
        { code: "raci_accountable", message: "Exactly one Accountable person is needed; there is none" },
        { code: "raci_function", message: "Nobody is assigned to the workflow owner function" },
        { code: "raci_function", message: "Nobody is assigned to the data owner function" },
        { code: "raci_function", message: "Nobody is assigned to the platform owner function" },
        { code: "raci_function", message: "Nobody is assigned to the security function" },
        { code: "data_classes", message: "No data classes are declared: say what data flows through the workflow" },
        { code: "service_token", message: "No service token is valid for DEV: create one (unrevoked, unexpired) for the automation" },
      ],
    });
  });

  it("names suspended models, models not approved for the data, and tools without a contract", async () => {
    const wf = await givenWorkflow({ owner, raci: people, token: true });
    await givenPermissions(wf.id, {
      dataClasses: ["tickets", "customers"],
      models: ["acme/small/1", "old/legacy/0", "acme/large/2"],
      tools: ["kb.search", "legacy.poke"],
    });
    expect((await readiness(wf.id)).missing).toEqual([
      { code: "model_sensitivity", message: "Model acme/small/1 is approved up to INTERNAL, but the workflow handles CONFIDENTIAL data" },
      { code: "model_status", message: "Model old/legacy/0 is suspended" },
      { code: "tool_contract", message: "Tool legacy.poke has no argument contract in the catalog" },
    ]);
  });

  it("does not count revoked, expired or other-environment tokens", async () => {
    const wf = await givenWorkflow({ owner, raci: people });
    await givenPermissions(wf.id, { dataClasses: ["docs"] });
    const base = { workflowId: wf.id, name: "t", scopes: ["DECIDE" as const], environment: "DEV" as const, createdById: owner.id };
    await db.serviceToken.create({
      data: { ...base, prefix: "tg_expired1", tokenHash: "h-expired", expiresAt: new Date(Date.now() - 1000) },
    });
    await db.serviceToken.create({
      data: { ...base, prefix: "tg_revoked1", tokenHash: "h-revoked", expiresAt: new Date(Date.now() + 86_400_000), revokedAt: new Date() },
    });
    // Run time would deny a token of another environment, so it cannot make the workflow ready.
    await db.serviceToken.create({
      data: { ...base, environment: "PROD", prefix: "tg_prodtok1", tokenHash: "h-prod", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await readiness(wf.id)).missing.map((m) => m.code)).toEqual(["service_token"]);
    // A rotated token stays valid until the end of its overlap.
    await db.serviceToken.create({
      data: {
        ...base,
        prefix: "tg_overlap1",
        tokenHash: "h-overlap",
        expiresAt: new Date(Date.now() + 86_400_000),
        revokedAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await readiness(wf.id)).toEqual({ ready: true, missing: [] });
  });
});

describe("changeWorkflowStatus", () => {
  it("refuses to activate an incomplete draft with a 409 listing what is missing", async () => {
    const wf = await givenWorkflow({ owner, token: true });
    const attempt = change(wf.id, "ACTIVE", 1);
    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("cannot be activated yet. Missing: Exactly one Accountable"),
    });
    const error = await attempt.then(refusalExpected, (e: AppError) => e);
    expect(error.fieldProblems?.map((p) => p.path)).toEqual([
      "readiness.raci_accountable",
      "readiness.raci_function",
      "readiness.raci_function",
      "readiness.raci_function",
      "readiness.raci_function",
      "readiness.data_classes",
    ]);
    expect(await db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("walks draft → active → paused → active → retired, auditing each step and bumping the version", async () => {
    const wf = await readyDraft();
    await expect(change(wf.id, "ACTIVE", 1)).resolves.toMatchObject({ status: "ACTIVE", version: 2 });
    await expect(change(wf.id, "PAUSED", 2, "Refund spike")).resolves.toMatchObject({ status: "PAUSED", version: 3 });
    await expect(change(wf.id, "ACTIVE", 3)).resolves.toMatchObject({ status: "ACTIVE", version: 4 });
    await expect(change(wf.id, "RETIRED", 4)).resolves.toMatchObject({ status: "RETIRED", version: 5 });
    const events = await auditEventsFor(wf.id);
    expect(events.map((e) => e.data)).toEqual([
      { before: "DRAFT", after: "ACTIVE" },
      { before: "ACTIVE", after: "PAUSED", reason: "Refund spike" },
      { before: "PAUSED", after: "ACTIVE" },
      { before: "ACTIVE", after: "RETIRED" },
    ]);
  });

  it("checks readiness again when a paused workflow resumes", async () => {
    const wf = await readyDraft();
    await change(wf.id, "ACTIVE", 1);
    await change(wf.id, "PAUSED", 2);
    await db.serviceToken.updateMany({ where: { workflowId: wf.id }, data: { revokedAt: new Date() } });
    await expect(change(wf.id, "ACTIVE", 3)).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "readiness.service_token" }],
    });
  });

  it("refuses transitions the lifecycle does not have, and anything after retirement", async () => {
    const draft = await givenWorkflow({ owner });
    await expect(change(draft.id, "PAUSED", 1)).rejects.toMatchObject({ code: "conflict", fieldProblems: [{ path: "body.to" }] });
    const active = await givenWorkflow({ owner, status: "ACTIVE" });
    await expect(change(active.id, "ACTIVE", 1)).rejects.toMatchObject({ code: "conflict", fieldProblems: [{ path: "body.to" }] });
    await expect(change(draft.id, "RETIRED", 1)).resolves.toMatchObject({ status: "RETIRED" });
    await expect(change(draft.id, "ACTIVE", 2)).rejects.toMatchObject({ code: "conflict", detail: expect.stringContaining("is retired") });
  });

  it("refuses a stale version", async () => {
    const wf = await givenWorkflow({ owner, status: "ACTIVE" });
    await change(wf.id, "PAUSED", 1);
    await expect(change(wf.id, "RETIRED", 1)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("status ACTIVE → PAUSED"),
    });
  });
});
