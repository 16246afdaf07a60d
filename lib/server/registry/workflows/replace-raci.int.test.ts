import { beforeAll, describe, expect, it } from "vitest";
import type { TRaciAssignment } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import type { AppError } from "../../errors";
import { replaceRaci } from "./replace-raci";
import { actorFor, auditEventsFor, givenUser, givenWorkflow, refusalExpected } from "@/test/fixtures/registry-workflows";
import { runAudited } from "../../audit/run-audited";

let owner: TSessionUser;
let data: TSessionUser;
let platform: TSessionUser;
let sec: TSessionUser;

beforeAll(async () => {
  [owner, data, platform, sec] = await Promise.all([
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["ADMIN"] }),
    givenUser({ roles: ["SECURITY"] }),
  ]);
});

const replace = (user: TSessionUser, id: string, assignments: TRaciAssignment[], expectedVersion = 1) =>
  runAudited(db, (tx) => replaceRaci({ tx, actor: actorFor(user), user, id, assignments, expectedVersion }));
const full = (): TRaciAssignment[] => [
  { userId: owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
  { userId: data.id, function: "DATA_OWNER", role: "RESPONSIBLE" },
  { userId: platform.id, function: "PLATFORM_OWNER", role: "CONSULTED" },
  { userId: sec.id, function: "SECURITY", role: "INFORMED" },
];

describe("replaceRaci", () => {
  it("replaces the chart, bumps the version and audits before and after", async () => {
    const wf = await givenWorkflow({ owner });
    const view = await replace(owner, wf.id, full());
    expect(view.version).toBe(2);
    expect(view.raci.map((r) => r.function)).toEqual(["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"]);
    const [event] = await auditEventsFor(wf.id);
    expect(event).toMatchObject({ action: "workflow.raci.changed", data: { before: [], version: 2 } });
    expect((event?.data as { after: unknown[] }).after).toHaveLength(4);
  });

  it("needs exactly one Accountable, on the assignments field", async () => {
    const wf = await givenWorkflow({ owner });
    const none = full().map((a) => ({ ...a, role: "RESPONSIBLE" as const }));
    await expect(replace(owner, wf.id, none)).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "body.assignments", message: expect.stringContaining("exactly one Accountable") }],
    });
    const two = [...full(), { userId: data.id, function: "SECURITY" as const, role: "ACCOUNTABLE" as const }];
    await expect(replace(owner, wf.id, two)).rejects.toMatchObject({
      fieldProblems: [{ message: expect.stringContaining("there are 2") }],
    });
  });

  it("lets a draft leave functions empty but keeps every function filled on a live workflow", async () => {
    const draft = await givenWorkflow({ owner });
    await expect(replace(owner, draft.id, full().slice(0, 2))).resolves.toMatchObject({ version: 2 });
    const active = await givenWorkflow({ owner, status: "ACTIVE", raci: [owner, data, platform, sec] });
    await expect(replace(owner, active.id, full().slice(0, 3))).rejects.toMatchObject({
      fieldProblems: [{ path: "body.assignments", message: expect.stringContaining("nobody is in: security") }],
    });
  });

  it("refuses unknown people and a person twice in one function", async () => {
    const wf = await givenWorkflow({ owner });
    const disabled = await givenUser({ roles: ["OWNER"], disabled: true });
    const chart = [
      ...full(),
      { userId: disabled.id, function: "DATA_OWNER" as const, role: "INFORMED" as const },
      { ...full()[1]!, role: "CONSULTED" as const },
    ];
    const error = await replace(owner, wf.id, chart).then(refusalExpected, (e: AppError) => e);
    expect(error.fieldProblems?.map((p) => p.path)).toEqual(["body.assignments.4.userId", "body.assignments.5.function"]);
  });

  it("refuses a stale version and an unchanged chart", async () => {
    const wf = await givenWorkflow({ owner, raci: [owner, data, platform, sec] });
    await expect(replace(owner, wf.id, full(), 7)).rejects.toMatchObject({ code: "conflict" });
    await expect(replace(owner, wf.id, full())).rejects.toMatchObject({ code: "bad_request" });
  });
});
