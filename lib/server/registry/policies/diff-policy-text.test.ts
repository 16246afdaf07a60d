import { describe, expect, it } from "vitest";
import { diffPolicyText } from "./diff-policy-text";

describe("diffPolicyText", () => {
  it("keeps common lines and marks removed and added ones in order", () => {
    expect(diffPolicyText("a\nb\nc", "a\nx\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "b" },
      { op: "added", text: "x" },
      { op: "same", text: "c" },
      { op: "added", text: "d" },
    ]);
  });

  it("treats an empty text as no lines and ignores CRLF differences", () => {
    expect(diffPolicyText("", "permit(principal, action, resource);")).toEqual([
      { op: "added", text: "permit(principal, action, resource);" },
    ]);
    expect(diffPolicyText("a\r\nb", "a\nb").every((l) => l.op === "same")).toBe(true);
  });
});
