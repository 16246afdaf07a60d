import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInputProblems, MAX_INPUT_DEPTH } from "./find-input-problems";

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe("findInputProblems", () => {
  it("names the field holding a NUL or an unpaired surrogate", () => {
    const value = JSON.parse('{"runId":"a\\u0000b","tool":"x","args":{"list":["ok","\\ud800"]},"low":"\\udc00z"}') as unknown;
    expect(findInputProblems({ value, path: "body" })).toEqual([
      { path: "body.runId", message: "Contains a NUL character (U+0000), which cannot be stored" },
      { path: "body.args.list.1", message: expect.stringMatching(/unpaired UTF-16 surrogate/) },
      { path: "body.low", message: expect.stringMatching(/unpaired UTF-16 surrogate/) },
    ]);
  });

  it("refuses a bad object key without echoing it", () => {
    const problems = findInputProblems({ value: { data: { "k\u0000": 1 } }, path: "body" });
    expect(problems).toEqual([
      { path: "body.data", message: "A key of this object contains a NUL character (U+0000), which cannot be stored" },
    ]);
  });

  it("accepts surrogate pairs (emoji, astral characters) and ordinary text", () => {
    const value = JSON.parse('{"a":"\\ud83d\\ude00 😀 ünïcode","b":[1,true,null,{"c":"ok"}]}') as unknown;
    expect(findInputProblems({ value, path: "body" })).toEqual([]);
  });

  it("allows exactly the depth limit and names the limit one level past it", () => {
    expect(findInputProblems({ value: nested(MAX_INPUT_DEPTH), path: "body" })).toEqual([]);
    const problems = findInputProblems({ value: nested(MAX_INPUT_DEPTH + 1), path: "body" });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(`deeper than ${MAX_INPUT_DEPTH} levels`);
  });

  it("walks 100,000 levels without a stack overflow", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(findInputProblems({ value: deep, path: "body" })[0]?.message).toMatch(/deeper than 64 levels/);
  });

  it("checks only depth when text is left to the items", () => {
    expect(findInputProblems({ value: { a: "\u0000" }, path: "body", text: false })).toEqual([]);
  });

  it("stops after ten problems", () => {
    expect(findInputProblems({ value: Array.from({ length: 1000 }, () => "\u0000"), path: "body" })).toHaveLength(10);
  });

  it("finds a planted NUL wherever it sits in any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(), (value, at) => {
        const text = JSON.stringify(value);
        const strings = [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)];
        const target = strings[at % Math.max(strings.length, 1)];
        const clean = findInputProblems({ value: JSON.parse(text) as unknown, path: "body" });
        if (!target) return clean.length === 0 || clean.every((p) => /surrogate/.test(p.message));
        const planted = `${text.slice(0, (target.index ?? 0) + 1)}\\u0000${text.slice((target.index ?? 0) + 1)}`;
        return findInputProblems({ value: JSON.parse(planted) as unknown, path: "body" }).some((p) => /NUL/.test(p.message));
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
