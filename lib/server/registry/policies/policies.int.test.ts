import { describe, expect, it } from "vitest";
import { ZCreatePolicy, ZPolicyDiff, ZProposePolicyChange, type TCreatePolicy, type TProposePolicyChange } from "@/lib/contracts/policies";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { actorOf, auditEventsFor, givenUser } from "@/test/fixtures/registry-catalog";
import { applyPolicyChange } from "./apply-policy-change";
import { createPolicy } from "./create-policy";
import { getPolicy } from "./get-policy";
import { proposePolicyChange } from "./propose-policy-change";
import { runAudited } from "../../audit/run-audited";

const FORBID = 'forbid (principal, action, resource)\nwhen { context.consequence == "MONEY_MOVEMENT" && context.environment == "PROD" };';
const FORBID_V2 =
  'forbid (principal, action, resource)\nwhen { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED" };';

const create = (user: TSessionUser, input: TCreatePolicy) =>
  runAudited(db, (tx) => createPolicy({ tx, actor: actorOf(user), requestedById: user.id, input: ZCreatePolicy.parse(input) }));
const propose = (user: TSessionUser, id: string, input: TProposePolicyChange) =>
  runAudited(db, (tx) =>
    proposePolicyChange({ tx, actor: actorOf(user), requestedById: user.id, id, input: ZProposePolicyChange.parse(input) }),
  );
// What change review does on approval: apply, then mark the request approved, in one transaction.
const approve = (reviewer: TSessionUser, changeRequestId: string) =>
  runAudited(db, async (tx) => {
    const changeRequest = await tx.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    const applied = await applyPolicyChange({ tx, actor: actorOf(reviewer), changeRequest });
    await tx.changeRequest.update({
      where: { id: changeRequestId },
      data: { status: "APPROVED", reviewedById: reviewer.id, reviewedAt: new Date() },
    });
    return applied;
  });

let counter = 0;
const key = () => `policy-${++counter}`;

describe("createPolicy", () => {
  it("reserves the key as a disabled version-0 draft and files a POLICY change request with a line diff", async () => {
    const security = await givenUser(["SECURITY"]);
    const opened = await create(security, { key: "no-money-in-prod", name: "No money movement in prod", text: FORBID });
    expect(opened.policy).toMatchObject({
      key: "no-money-in-prod",
      version: 0,
      enabled: false,
      text: "",
      state: "draft",
      pendingChangeRequestId: opened.changeRequest.id,
    });

    const request = await db.changeRequest.findUniqueOrThrow({ where: { id: opened.changeRequest.id } });
    expect(request).toMatchObject({
      subject: "POLICY",
      policyId: opened.policy.id,
      baseVersion: 0,
      status: "PENDING",
      requestedById: security.id,
    });
    expect(request.proposed).toEqual({
      key: "no-money-in-prod",
      name: "No money movement in prod",
      description: "",
      text: FORBID,
      enabled: true,
    });
    const diff = ZPolicyDiff.parse(request.diff);
    expect(diff.before).toEqual([]);
    expect(diff.lines.map((l) => l.op)).toEqual(["added", "added"]);

    const events = await db.auditEvent.findMany({
      where: { OR: [{ targetId: opened.policy.id }, { targetId: request.id }] },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["change_request.opened", "policy.changed"]);
    expect(events[1]?.data).toMatchObject({ before: null, after: { version: 0, enabled: false, text: "" }, changeRequestId: request.id });
  });

  it("answers a Cedar parse error as a field error on text, and creates nothing", async () => {
    const security = await givenUser(["SECURITY"]);
    const bad = create(security, { key: "broken", name: "Broken", text: "forbid (principal, action resource);" });
    await expect(bad).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [
        { path: "text", message: expect.stringMatching(/^Cedar: .*unexpected token `resource` at line 1, column 27: expected/) },
      ],
    });
    expect(await db.policy.findUnique({ where: { key: "broken" } })).toBeNull();
    expect(await db.changeRequest.count({ where: { summary: { contains: "broken" } } })).toBe(0);
  });

  it("refuses a key already in use", async () => {
    const security = await givenUser(["SECURITY"]);
    const k = key();
    await create(security, { key: k, name: "One", text: FORBID });
    await expect(create(security, { key: k, name: "Two", text: FORBID })).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "key" }],
    });
  });
});

describe("applyPolicyChange", () => {
  it("applies an approved proposal as the next version, keeps it in history and audits before and after", async () => {
    const [author, reviewer] = await Promise.all([givenUser(["SECURITY"]), givenUser(["SECURITY"])]);
    const opened = await create(author, { key: key(), name: "Money", text: FORBID });
    const v1 = await approve(reviewer, opened.changeRequest.id);
    expect(v1).toMatchObject({ version: 1, enabled: true, text: FORBID, state: "enabled", pendingChangeRequestId: null });

    const edit = await propose(author, opened.policy.id, { text: FORBID_V2, expectedVersion: 1 });
    expect(edit.changeRequest.summary).toMatch(/text \+1 −1 lines/);
    expect((await db.policy.findUniqueOrThrow({ where: { id: opened.policy.id } })).text).toBe(FORBID);
    const v2 = await approve(reviewer, edit.changeRequest.id);
    expect(v2).toMatchObject({ version: 2, text: FORBID_V2 });

    const versions = await db.policyVersion.findMany({ where: { policyId: opened.policy.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.text])).toEqual([
      [1, FORBID],
      [2, FORBID_V2],
    ]);
    const changed = (await auditEventsFor("policy", opened.policy.id)).filter((e) => e.action === "policy.changed");
    expect(changed.map((e) => e.actorId)).toEqual([author.id, reviewer.id, reviewer.id]);
    expect(changed[2]?.data).toMatchObject({
      before: { version: 1, text: FORBID },
      after: { version: 2, text: FORBID_V2 },
      changeRequestId: edit.changeRequest.id,
    });

    const detail = await getPolicy({ id: opened.policy.id });
    expect(detail.versions.map((v) => [v.version, v.changeRequestId])).toEqual([
      [2, edit.changeRequest.id],
      [1, opened.changeRequest.id],
    ]);
    expect(detail.pendingChanges).toEqual([]);
  });

  it("refuses a change written against another version, and a workflow change request", async () => {
    const [author, reviewer] = await Promise.all([givenUser(["SECURITY"]), givenUser(["SECURITY"])]);
    const opened = await create(author, { key: key(), name: "Stale", text: FORBID });
    await approve(reviewer, opened.changeRequest.id);
    const replay = runAudited(db, async (tx) => {
      const changeRequest = await tx.changeRequest.findUniqueOrThrow({ where: { id: opened.changeRequest.id } });
      return applyPolicyChange({ tx, actor: actorOf(reviewer), changeRequest });
    });
    await expect(replay).rejects.toMatchObject({ code: "conflict", detail: expect.stringContaining("is at version 1") });
    const notPolicy = { id: "x", subject: "WORKFLOW" as const, policyId: null, baseVersion: 1, proposed: {} };
    await expect(
      runAudited(db, (tx) => applyPolicyChange({ tx, actor: actorOf(reviewer), changeRequest: notPolicy })),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("proposePolicyChange", () => {
  it("keeps one pending change per policy, refuses stale versions and no-op edits", async () => {
    const [author, reviewer] = await Promise.all([givenUser(["SECURITY"]), givenUser(["SECURITY"])]);
    const opened = await create(author, { key: key(), name: "Pending", text: FORBID });
    await expect(propose(author, opened.policy.id, { name: "Again", expectedVersion: 0 })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(opened.changeRequest.id),
    });
    await approve(reviewer, opened.changeRequest.id);
    await expect(propose(author, opened.policy.id, { name: "Old base", expectedVersion: 0 })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("at version 1"),
    });
    await expect(propose(author, opened.policy.id, { text: FORBID, expectedVersion: 1 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(propose(author, opened.policy.id, { text: "permit(", expectedVersion: 1 })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "text" }],
    });

    const disable = await propose(author, opened.policy.id, { enabled: false, expectedVersion: 1 });
    expect(disable.changeRequest.summary).toBe(`Change policy ${opened.policy.key}: disable`);
    const detail = await getPolicy({ id: opened.policy.id });
    expect(detail.pendingChanges).toEqual([
      expect.objectContaining({
        id: disable.changeRequest.id,
        baseVersion: 1,
        requestedBy: { name: "Fixture Person", email: author.email },
      }),
    ]);
    expect(detail.pendingChanges[0]?.diff?.fields).toEqual([{ field: "enabled", before: true, after: false }]);
  });
});
