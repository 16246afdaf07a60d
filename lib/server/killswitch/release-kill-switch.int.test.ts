import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import {
  auditOf,
  confirmRelease,
  engage,
  givenCatalogEntries,
  givenUser,
  requestRelease,
  withdrawRelease,
} from "@/test/fixtures/killswitch";

async function givenEngagedTool() {
  const [first, second] = [await givenUser(["SECURITY"]), await givenUser(["SECURITY"])];
  const { toolKey } = await givenCatalogEntries();
  const ks = await engage(await givenUser(["OWNER", "SECURITY"]), { scope: "TOOL", target: toolKey, reason: "Tool misbehaving" });
  return { first, second, ks };
}

const row = (id: string) => db.killSwitch.findUniqueOrThrow({ where: { id } });

describe("releasing a kill switch (two-person rule)", () => {
  it("is requested by one Security person and confirmed by another, each step audited", async () => {
    const { first, second, ks } = await givenEngagedTool();
    const requested = await requestRelease(first, ks.id, "Vendor shipped a fix");
    expect(requested).toMatchObject({ releaseRequestedBy: { id: first.id }, releaseReason: "Vendor shipped a fix", releasedAt: null });
    expect((await row(ks.id)).releasedAt).toBeNull();

    const released = await confirmRelease(second, ks.id, "Verified the fix in staging");
    expect(released).toMatchObject({ releasedBy: { id: second.id }, releaseRequestedBy: { id: first.id }, releasedAt: expect.any(String) });
    expect((await auditOf(ks.id)).map((e) => [e.action, e.actorId, e.data])).toEqual([
      ["killswitch.engaged", ks.engagedBy?.id, { scope: "TOOL", target: ks.target, reason: "Tool misbehaving" }],
      ["killswitch.release_requested", first.id, { scope: "TOOL", target: ks.target, reason: "Vendor shipped a fix" }],
      [
        "killswitch.released",
        second.id,
        { scope: "TOOL", target: ks.target, reason: "Verified the fix in staging", requestedById: first.id },
      ],
    ]);
  });

  it("refuses the requester as confirmer, and leaves the switch engaged", async () => {
    const { first, ks } = await givenEngagedTool();
    await requestRelease(first, ks.id);
    await expect(confirmRelease(first, ks.id)).rejects.toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("a different Security person"),
    });
    expect((await row(ks.id)).releasedAt).toBeNull();
    expect((await auditOf(ks.id)).map((e) => e.action)).not.toContain("killswitch.released");
  });

  it("requires killswitch:release, which only SECURITY holds, for both steps: an ADMIN is refused", async () => {
    const { first, ks } = await givenEngagedTool();
    const admin = await givenUser(["ADMIN"]);
    await expect(requestRelease(admin, ks.id)).rejects.toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("Only a member of Security"),
    });
    await requestRelease(first, ks.id);
    for (const roles of [["ADMIN"], ["OWNER"], ["APPROVER"]] as const) {
      await expect(confirmRelease(await givenUser([...roles]), ks.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await row(ks.id)).releasedAt).toBeNull();
  });

  it("refuses a confirmation nobody requested, a second request, and anything on a released switch", async () => {
    const { first, second, ks } = await givenEngagedTool();
    await expect(confirmRelease(second, ks.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("Nobody has requested"),
    });
    await requestRelease(first, ks.id);
    await expect(requestRelease(second, ks.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(`already requested by ${first.email}`),
    });
    await confirmRelease(second, ks.id);
    const third = await givenUser(["SECURITY"]);
    await expect(confirmRelease(third, ks.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining(`released by ${second.email}`),
    });
    await expect(requestRelease(third, ks.id)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("Already released"),
    });
    expect((await auditOf(ks.id)).filter((e) => e.action === "killswitch.released")).toHaveLength(1);
  });

  it("answers not found for an unknown switch", async () => {
    const security = await givenUser(["SECURITY"]);
    await expect(requestRelease(security, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets the requester withdraw an unconfirmed request, after which it must be requested again", async () => {
    const { first, second, ks } = await givenEngagedTool();
    await requestRelease(first, ks.id);
    await expect(withdrawRelease(second, ks.id)).rejects.toMatchObject({ code: "forbidden", detail: expect.stringContaining(first.email) });
    await expect(withdrawRelease(first, ks.id)).resolves.toMatchObject({ releaseRequestedBy: null, releaseReason: null, releasedAt: null });
    await expect(confirmRelease(second, ks.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(withdrawRelease(first, ks.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await auditOf(ks.id)).map((e) => e.action)).toEqual([
      "killswitch.engaged",
      "killswitch.release_requested",
      "killswitch.release_withdrawn",
    ]);
  });

  it("lets the same target be engaged again once released", async () => {
    const { first, second, ks } = await givenEngagedTool();
    await requestRelease(first, ks.id);
    await confirmRelease(second, ks.id);
    await expect(engage(first, { scope: "TOOL", target: ks.target, reason: "It is back" })).resolves.toMatchObject({ releasedAt: null });
  });
});
