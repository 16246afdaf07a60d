import { describe, expect, it } from "vitest";
import { checkCedarText } from "./check-cedar-text";

describe("checkCedarText", () => {
  it("accepts a static policy set", () => {
    expect(checkCedarText('forbid (principal, action == Action::"call", resource)\nwhen { context.environment == "PROD" };', "text")).toEqual([]);
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
});
