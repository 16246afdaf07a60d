import { describe, expect, it } from "vitest";
import { RULE_OF_REASON, type TDecisionReasonCode } from "@/lib/contracts/decisions";
import { DENIAL_CATEGORIES } from "@/lib/contracts/scorecard";
import { DENIAL_CATEGORY_OF, denialCategoryOf } from "./denial-category";

// Written out by hand, independently of the rule table, so a wrong rule number is caught too.
const EXPECTED: Record<TDecisionReasonCode, string | null> = {
  kill_switch_engaged: "kill_switch",
  kill_switch_state_unknown: "kill_switch",
  workflow_not_active: "workflow_state",
  token_environment_mismatch: "workflow_state",
  tool_not_allowed: "allowlist",
  arguments_violate_contract: "contract",
  arguments_violate_constraints: "contract",
  data_class_not_declared: "dlp",
  dlp_undeclared_class: "dlp",
  dlp_scan_incomplete: "dlp",
  model_not_approved: "model",
  model_suspended: "model",
  model_not_approved_for_sensitivity: "model",
  rate_limited: "rate_limit",
  policy_forbids: "policy",
  approval_required: "approval",
  approval_granted: "approval",
  approval_pending: "approval",
  approval_not_found: "approval",
  approval_arguments_mismatch: "approval",
  approval_denied: "approval",
  approval_expired: "approval",
  approval_already_used: "approval",
  allowed: null,
};

describe("denialCategoryOf", () => {
  it.each(Object.keys(RULE_OF_REASON) as TDecisionReasonCode[])("puts %s in its category", (code) => {
    expect(denialCategoryOf(code)).toBe(EXPECTED[code]);
  });

  it("covers every reason code and uses every category", () => {
    expect(Object.keys(DENIAL_CATEGORY_OF).sort()).toEqual(Object.keys(RULE_OF_REASON).sort());
    expect(new Set(Object.values(DENIAL_CATEGORY_OF).filter(Boolean))).toEqual(new Set(DENIAL_CATEGORIES));
  });

  it("knows nothing of codes it was not built with, including inherited names", () => {
    expect(denialCategoryOf("no_such_reason")).toBeNull();
    expect(denialCategoryOf("toString")).toBeNull();
    expect(denialCategoryOf("")).toBeNull();
  });
});
