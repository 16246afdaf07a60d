import { describe, expect, it } from "vitest";
import { ZKillSwitchQuery, type TKillSwitchQuery } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../authz/principal";
import { listKillSwitchTargets } from "./list-kill-switch-targets";
import { listKillSwitches } from "./list-kill-switches";
import { listWorkflowHalts } from "./list-workflow-halts";
import { confirmRelease, engage, givenCatalogEntries, givenUser, givenWorkflow, requestRelease } from "@/test/fixtures/killswitch";

const list = async (user: TSessionUser, query: TKillSwitchQuery = {}) =>
  (await listKillSwitches({ user, query: ZKillSwitchQuery.parse(query) })).killSwitches;
const ids = (views: { id: string }[]) => views.map((v) => v.id);

describe("listing kill switches", () => {
  it("lists engaged switches by default, released ones on request, and shows who asked for a release", async () => {
    const [security, other] = [await givenUser(["SECURITY"]), await givenUser(["SECURITY"])];
    const { toolKey, modelRef } = await givenCatalogEntries();
    const released = await engage(security, { scope: "TOOL", target: toolKey, reason: "Old incident" });
    await requestRelease(security, released.id);
    await confirmRelease(other, released.id);
    const engaged = await engage(security, { scope: "MODEL", target: modelRef, reason: "Model drifted" });
    await requestRelease(other, engaged.id, "Rolled back the model");

    expect(ids(await list(security))).toContain(engaged.id);
    expect(ids(await list(security))).not.toContain(released.id);
    expect(ids(await list(security, { state: "released" }))).toEqual([released.id]);
    const all = await list(security, { state: "all" });
    expect(ids(all).indexOf(engaged.id)).toBeLessThan(ids(all).indexOf(released.id));
    expect(all.find((k) => k.id === engaged.id)).toMatchObject({
      releaseRequestedBy: { email: other.email },
      releaseReason: "Rolled back the model",
      releasedAt: null,
    });
  });

  it("hides another owner's workflow switches from an OWNER, with its runbook, but shows everything else", async () => {
    const [owner, other, security] = [await givenUser(["OWNER"]), await givenUser(["OWNER"]), await givenUser(["SECURITY"])];
    const [mine, theirs] = [await givenWorkflow(owner, "Call the on-call"), await givenWorkflow(other, "Secret fallback")];
    const { provider } = await givenCatalogEntries();
    const onMine = await engage(owner, { scope: "WORKFLOW", target: mine.key, reason: "Mine misbehaves" });
    const onTheirs = await engage(security, { scope: "WORKFLOW", target: theirs.key, reason: "Theirs misbehaves" });
    const onProvider = await engage(security, { scope: "PROVIDER", target: provider, reason: "Provider outage" });

    const seen = await list(owner);
    expect(ids(seen)).toEqual(expect.arrayContaining([onMine.id, onProvider.id]));
    expect(ids(seen)).not.toContain(onTheirs.id);
    expect(seen.find((k) => k.id === onMine.id)?.workflow).toMatchObject({ key: mine.key, runbook: "Call the on-call" });
    expect((await list(security)).find((k) => k.id === onTheirs.id)?.workflow).toMatchObject({ runbook: "Secret fallback" });
  });

  it("lists the switches that halt a whole workflow: its own and the GLOBAL one", async () => {
    const [owner, security] = [await givenUser(["OWNER"]), await givenUser(["SECURITY"])];
    const workflow = await givenWorkflow(owner, "Do it by hand");
    const { toolKey } = await givenCatalogEntries();
    expect(await listWorkflowHalts({ user: owner, workflowKey: workflow.key })).toEqual([]);
    await engage(security, { scope: "TOOL", target: toolKey, reason: "A tool only" });
    expect(await listWorkflowHalts({ user: owner, workflowKey: workflow.key })).toEqual([]);
    const own = await engage(owner, { scope: "WORKFLOW", target: workflow.key, reason: "Stop it" });
    const global = await engage(security, { scope: "GLOBAL", reason: "Stop everything" });
    expect(ids(await listWorkflowHalts({ user: owner, workflowKey: workflow.key })).sort()).toEqual([own.id, global.id].sort());
  });

  it("offers each person only what they may halt", async () => {
    const [owner, other, security, auditor] = [
      await givenUser(["OWNER"]),
      await givenUser(["OWNER"]),
      await givenUser(["SECURITY"]),
      await givenUser(["AUDITOR"]),
    ];
    const [mine, theirs] = [await givenWorkflow(owner), await givenWorkflow(other)];
    const { toolKey, modelRef, provider } = await givenCatalogEntries();
    const forOwner = await listKillSwitchTargets({ user: owner });
    expect(forOwner).toMatchObject({ scopes: ["WORKFLOW"], tools: [], models: [], providers: [] });
    expect(forOwner.workflows.map((w) => w.key)).toEqual([mine.key]);
    const forSecurity = await listKillSwitchTargets({ user: security });
    expect(forSecurity.scopes).toEqual(["GLOBAL", "WORKFLOW", "TOOL", "MODEL", "PROVIDER"]);
    expect(forSecurity.workflows.map((w) => w.key)).toEqual(expect.arrayContaining([mine.key, theirs.key]));
    expect(forSecurity.tools.map((t) => t.key)).toContain(toolKey);
    expect(forSecurity.models.map((m) => m.ref)).toContain(modelRef);
    expect(forSecurity.providers).toContain(provider);
    expect((await listKillSwitchTargets({ user: auditor })).scopes).toEqual([]);
  });
});
