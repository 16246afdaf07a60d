import { describe, expect, it } from "vitest";
import { CONTROLS } from "@/lib/contracts/scorecard";
import { evaluateControls, type TControlInputs } from "./evaluate-controls";

const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

const healthy: TControlInputs = {
  readiness: [],
  owner: { email: "owner@example.test", disabled: false },
  dataClasses: [
    { key: "customers", sensitivity: "CONFIDENTIAL" },
    { key: "cards", sensitivity: "RESTRICTED" },
  ],
  highestSensitivity: "RESTRICTED",
  models: 2,
  tools: 3,
  activeTokens: [{ name: "runner", createdAt: daysAgo(10) }],
  runbook: "Page the on-call, then pause the workflow.",
  chain: { at: daysAgo(2), by: "ciso@example.test", ok: true, checked: 1234, brokenAt: null },
  now,
};

const byControl = (inputs: TControlInputs) => Object.fromEntries(evaluateControls(inputs).map((c) => [c.control, c]));

describe("evaluateControls", () => {
  it("checks every control, in the contract's order, and passes a well-kept workflow on all but the drill", () => {
    const checks = evaluateControls(healthy);
    expect(checks.map((c) => c.control)).toEqual([...CONTROLS]);
    expect(checks.filter((c) => !c.passed).map((c) => c.control)).toEqual(["kill_switch_drilled"]);
    const found = byControl(healthy);
    expect(found.data_classes_declared!.detail).toBe("2 data classes declared (customers, cards; highest RESTRICTED)");
    expect(found.models_approved_for_data!.detail).toBe("All 2 granted models approved for RESTRICTED data");
    expect(found.tokens_rotated!.detail).toBe("All 1 active token issued within 90 days");
    expect(found.audit_chain_verified!.detail).toBe("Verified intact: 1,234 events at 2026-06-28T12:00:00.000Z by ciso@example.test");
    expect(found.kill_switch_drilled!.detail).toBe("No drill recorded — drills arrive with incidents");
  });

  it("fails each registry control with the readiness finding that explains it", () => {
    const found = byControl({
      ...healthy,
      owner: { email: "gone@example.test", disabled: true },
      readiness: [
        { code: "raci_accountable", message: "Exactly one Accountable person is needed; there is none" },
        { code: "data_classes", message: "No data classes are declared: say what data flows through the workflow" },
        { code: "model_sensitivity", message: "Model acme/small/1 is approved up to INTERNAL, but the workflow handles RESTRICTED data" },
        { code: "tool_contract", message: "Tool legacy.poke has no argument contract in the catalog" },
        { code: "service_token", message: "No service token is valid for DEV" },
      ],
      runbook: "   ",
    });
    expect(found.owner_and_raci).toMatchObject({
      passed: false,
      detail: "The owner gone@example.test is disabled; Exactly one Accountable person is needed; there is none",
    });
    expect(found.data_classes_declared).toMatchObject({ passed: false, detail: expect.stringMatching(/^No data classes are declared/) });
    expect(found.models_approved_for_data).toMatchObject({ passed: false, detail: expect.stringContaining("acme/small/1") });
    expect(found.tool_contracts_present).toMatchObject({ passed: false, detail: expect.stringContaining("legacy.poke") });
    expect(found.runbook_present).toMatchObject({ passed: false, detail: "No runbook: say what to do when it is halted" });
  });

  it("counts tokens older than 90 days and names the oldest", () => {
    const found = byControl({
      ...healthy,
      activeTokens: [
        { name: "fresh", createdAt: daysAgo(5) },
        { name: "old", createdAt: daysAgo(91) },
        { name: "ancient", createdAt: daysAgo(200) },
      ],
    });
    expect(found.tokens_rotated).toMatchObject({
      passed: false,
      detail: "2 of 3 active tokens older than 90 days (oldest: ancient, 200 days)",
    });
    expect(byControl({ ...healthy, activeTokens: [] }).tokens_rotated).toMatchObject({ passed: true });
  });

  it("passes the chain only on a recent intact verification", () => {
    expect(byControl({ ...healthy, chain: null }).audit_chain_verified).toMatchObject({
      passed: false,
      detail: "Never verified: run Verify chain on the Audit page",
    });
    const broken = { ...healthy.chain!, ok: false, brokenAt: "42" };
    expect(byControl({ ...healthy, chain: broken }).audit_chain_verified!.detail).toMatch(/found a break at row 42$/);
    const stale = { ...healthy.chain!, at: daysAgo(45) };
    expect(byControl({ ...healthy, chain: stale }).audit_chain_verified).toMatchObject({
      passed: false,
      detail: expect.stringMatching(/^Last verified intact 45 days ago/),
    });
  });
});
