import { beforeAll, describe, expect, it } from "vitest";
import { ZWorkflowListQuery } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { db } from "../../db/client";
import { listWorkflows } from "./list-workflows";
import { givenCatalog, givenPermissions, givenUser, givenWorkflow } from "@/test/fixtures/registry-workflows";

let owner: TSessionUser;
let other: TSessionUser;
let auditor: TSessionUser;

beforeAll(async () => {
  [owner, other, auditor] = await Promise.all([
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["OWNER"] }),
    givenUser({ roles: ["AUDITOR"] }),
  ]);
  const rows: [
    string,
    string,
    "DRAFT" | "ACTIVE" | "PAUSED",
    "DEV" | "PROD",
    TSessionUser,
    "PUBLIC" | "CONFIDENTIAL" | "RESTRICTED" | null,
    "T0" | "T2" | "T3" | null,
  ][] = [
    ["alpha-refunds", "Alpha Refunds", "ACTIVE", "PROD", owner, "RESTRICTED", "T3"],
    ["beta-triage", "Beta triage", "DRAFT", "DEV", owner, "PUBLIC", "T0"],
    ["gamma-notify", "Gamma notifier", "PAUSED", "PROD", other, "CONFIDENTIAL", "T2"],
    ["delta-cleanup", "Delta REFUND cleanup", "ACTIVE", "DEV", other, null, null],
  ];
  for (const [key, name, status, environment, who, maxSensitivity, maxTier] of rows) {
    const wf = await givenWorkflow({ owner: who, key, name, status, environment });
    await db.workflow.update({ where: { id: wf.id }, data: { maxSensitivity, maxTier } });
  }
});

const list = (user: TSessionUser, query: Record<string, string> = {}) => listWorkflows({ user, query: ZWorkflowListQuery.parse(query) });
const keys = async (user: TSessionUser, query: Record<string, string> = {}) => (await list(user, query)).items.map((w) => w.key);

describe("listWorkflows", () => {
  it("shows an OWNER only their own workflows, and a reader all of them", async () => {
    expect((await keys(owner)).sort()).toEqual(["alpha-refunds", "beta-triage"]);
    expect(await list(auditor)).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    // Filtering by another owner cannot widen an OWNER's view.
    expect(await keys(owner, { ownerId: other.id })).toEqual([]);
  });

  it("searches key and name in any case", async () => {
    expect((await keys(auditor, { search: "refund" })).sort()).toEqual(["alpha-refunds", "delta-cleanup"]);
    expect(await keys(auditor, { search: "GAMMA-" })).toEqual(["gamma-notify"]);
  });

  it("filters by status, environment and owner, and treats empty values as no filter", async () => {
    expect((await keys(auditor, { status: "ACTIVE", environment: "PROD" })).sort()).toEqual(["alpha-refunds"]);
    expect((await keys(auditor, { ownerId: other.id })).sort()).toEqual(["delta-cleanup", "gamma-notify"]);
    expect(await list(auditor, { status: "", environment: "", search: "" })).toMatchObject({ total: 4 });
  });

  it("filters sensitivity and tier as at-least", async () => {
    expect((await keys(auditor, { maxSensitivity: "CONFIDENTIAL" })).sort()).toEqual(["alpha-refunds", "gamma-notify"]);
    expect((await keys(auditor, { maxSensitivity: "PUBLIC" })).sort()).toEqual(["alpha-refunds", "beta-triage", "gamma-notify"]);
    expect(await keys(auditor, { maxTier: "T3" })).toEqual(["alpha-refunds"]);
  });

  it("sorts by name, key and status either way", async () => {
    expect(await keys(auditor, { sort: "name" })).toEqual(["alpha-refunds", "beta-triage", "delta-cleanup", "gamma-notify"]);
    expect(await keys(auditor, { sort: "key", order: "desc" })).toEqual(["gamma-notify", "delta-cleanup", "beta-triage", "alpha-refunds"]);
    expect((await list(auditor, { sort: "status" })).items.map((w) => w.status)).toEqual(["DRAFT", "ACTIVE", "ACTIVE", "PAUSED"]);
  });

  it("pages with a total, landing on the last page when asked for one past the end", async () => {
    const first = await list(auditor, { sort: "key", pageSize: "3" });
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3, pageCount: 2 });
    expect(first.items).toHaveLength(3);
    const beyond = await list(auditor, { sort: "key", pageSize: "3", page: "9" });
    expect(beyond).toMatchObject({ page: 2, items: [{ key: "gamma-notify" }] });
  });

  it("refuses a query it does not understand", () => {
    expect(ZWorkflowListQuery.safeParse({ maxTier: "T9" }).success).toBe(false);
    expect(ZWorkflowListQuery.safeParse({ pageSize: "1000" }).success).toBe(false);
  });
});

describe("listWorkflows and kill switches", () => {
  const engage = (scope: "GLOBAL" | "WORKFLOW" | "TOOL" | "MODEL" | "PROVIDER", target: string) =>
    db.killSwitch.create({ data: { scope, target, reason: "test halt", engagedByType: "system", engagedByLabel: "test" } });
  const idOf = async (key: string) => (await db.workflow.findUniqueOrThrow({ where: { key } })).id;
  const haltOf = async (key: string) => (await list(auditor, { search: key })).items.find((w) => w.key === key)?.halt;

  it("marks each halted workflow, wholly or in part, and filters on it", async () => {
    await givenCatalog();
    await givenPermissions(await idOf("gamma-notify"), { tools: ["stripe.refund"] });
    await givenPermissions(await idOf("delta-cleanup"), { models: ["acme/large/2"] });
    const switches = [await engage("WORKFLOW", "alpha-refunds"), await engage("TOOL", "stripe.refund"), await engage("PROVIDER", "acme")];
    try {
      expect(await haltOf("alpha-refunds")).toEqual({ whole: true, by: ["workflow alpha-refunds"] });
      expect(await haltOf("gamma-notify")).toEqual({ whole: false, by: ["tool stripe.refund"] });
      expect(await haltOf("delta-cleanup")).toEqual({ whole: false, by: ["provider acme"] });
      expect(await haltOf("beta-triage")).toBeNull();
      expect((await keys(auditor, { halted: "true" })).sort()).toEqual(["alpha-refunds", "delta-cleanup", "gamma-notify"]);
      expect(await keys(auditor, { halted: "false" })).toEqual(["beta-triage"]);
      // The filter narrows what the caller may see; it never widens it.
      expect(await keys(owner, { halted: "true" })).toEqual(["alpha-refunds"]);
      expect(await list(auditor, { halted: "true", status: "ACTIVE" })).toMatchObject({ total: 2 });
    } finally {
      await db.killSwitch.updateMany({ where: { id: { in: switches.map((s) => s.id) } }, data: { releasedAt: new Date() } });
    }
    expect(await keys(auditor, { halted: "true" })).toEqual([]);
    expect(await haltOf("alpha-refunds")).toBeNull();
  });

  it("halts every workflow under a GLOBAL switch, and a model switch only where the model is approved", async () => {
    const switches = [await engage("GLOBAL", "*"), await engage("MODEL", "acme/large/2")];
    try {
      expect(await list(auditor, { halted: "true" })).toMatchObject({ total: 4 });
      expect(await keys(auditor, { halted: "false" })).toEqual([]);
      expect(await haltOf("delta-cleanup")).toEqual({ whole: true, by: ["every workflow (global)", "model acme/large/2"] });
      expect(await haltOf("beta-triage")).toEqual({ whole: true, by: ["every workflow (global)"] });
    } finally {
      await db.killSwitch.updateMany({ where: { id: { in: switches.map((s) => s.id) } }, data: { releasedAt: new Date() } });
    }
    expect(ZWorkflowListQuery.safeParse({ halted: "maybe" }).success).toBe(false);
  });
});
