import { describe, expect, it } from "vitest";
import { db } from "../../db/client";
import { givenUser, givenWorkflow } from "@/test/fixtures/registry-catalog";
import { listShadowWorkflows } from "./list-shadow-workflows";
import { recordShadowSighting } from "./record-shadow-sighting";
import { runAudited } from "../../audit/run-audited";

const sight = (key: string, tool: string | null) => runAudited(db, (tx) => recordShadowSighting({ tx, key, tool }));

describe("recordShadowSighting", () => {
  it("creates a row on first sight, then counts up and keeps the last tool", async () => {
    const first = await sight("mystery-bot", "stripe.refund");
    expect(first).toMatchObject({ key: "mystery-bot", seenCount: 1, lastTool: "stripe.refund" });
    await sight("mystery-bot", "email.send");
    const third = await sight("mystery-bot", null);
    expect(third).toMatchObject({ seenCount: 3, lastTool: "email.send" });
    expect(third.firstSeenAt).toEqual(first.firstSeenAt);
    expect(third.lastSeenAt.getTime()).toBeGreaterThanOrEqual(first.lastSeenAt.getTime());
  });

  it("never loses a count when sightings race", async () => {
    await Promise.all(Array.from({ length: 12 }, () => sight("racing-bot", "kb.search")));
    expect((await db.shadowWorkflow.findUniqueOrThrow({ where: { key: "racing-bot" } })).seenCount).toBe(12);
  });
});

describe("listShadowWorkflows", () => {
  it("lists unregistered keys first, and names a registered workflow only to those who may see it", async () => {
    const [owner, otherOwner, auditor] = await Promise.all([givenUser(["OWNER"]), givenUser(["OWNER"]), givenUser(["AUDITOR"])]);
    await sight("list-registered", "kb.search");
    const workflow = await givenWorkflow({ ownerId: otherOwner.id, key: "list-registered" });
    await sight("list-unregistered", "jira.issue.create");

    const asAuditor = await listShadowWorkflows({ user: auditor });
    const keys = asAuditor.items.map((i) => i.key);
    expect(keys.indexOf("list-unregistered")).toBeLessThan(keys.indexOf("list-registered"));
    expect(asAuditor.items.find((i) => i.key === "list-registered")).toMatchObject({
      registered: true,
      workflow: { id: workflow.id, key: "list-registered" },
    });
    expect(asAuditor.items.find((i) => i.key === "list-unregistered")).toMatchObject({
      registered: false,
      workflow: null,
      seenCount: 1,
      lastTool: "jira.issue.create",
    });

    const asOwner = await listShadowWorkflows({ user: owner });
    expect(asOwner.items.find((i) => i.key === "list-registered")).toMatchObject({ registered: true, workflow: null });
    const asOtherOwner = await listShadowWorkflows({ user: otherOwner });
    expect(asOtherOwner.items.find((i) => i.key === "list-registered")?.workflow?.id).toBe(workflow.id);
  });
});
