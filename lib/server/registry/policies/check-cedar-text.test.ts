import { describe, expect, it } from "vitest";
import { checkCedarText } from "./check-cedar-text";

describe("checkCedarText", () => {
  it("accepts a static policy set", () => {
    expect(
      checkCedarText('forbid (principal, action == Action::"call", resource)\nwhen { context.environment == "PROD" };', "text"),
    ).toEqual([]);
  });

  it("answers Cedar's own parse error with line and column", () => {
    const [problem, ...rest] = checkCedarText("permit(principal, action, resource);\nforbid(principal, action resource);", "text");
    expect(rest).toEqual([]);
    expect(problem?.path).toBe("text");
    expect(problem?.message).toMatch(/^Cedar: .*unexpected token `resource`.* at line 2, column 26/);
  });

  it("refuses templates and text with no policy", () => {
    expect(checkCedarText("permit(principal == ?principal, action, resource);", "text")[0]?.message).toMatch(/templates/);
    expect(checkCedarText("// only a comment\n", "text")[0]?.message).toMatch(/at least one Cedar policy/);
  });

  it("validates against the context the decision engine sends, so no policy errors at run time", () => {
    const guarded = "forbid (principal, action, resource)\nwhen { context has amount && context.amount > 100000 };";
    expect(checkCedarText(guarded, "text")).toEqual([]);
    const unguarded = checkCedarText("forbid (principal, action, resource)\nwhen { context.amount > 100000 };", "text");
    expect(unguarded).toHaveLength(1);
    expect(unguarded[0]?.message).toMatch(/^Cedar: .*amount/);
    expect(checkCedarText('forbid (principal, action, resource)\nwhen { context.colour == "red" };', "text")[0]?.message).toMatch(/colour/);
  });
});
