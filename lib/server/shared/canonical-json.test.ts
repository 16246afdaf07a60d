import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order and drops undefined members", () => {
    expect(canonicalJson({ z: [3, { b: 1, a: null }], a: "x", u: undefined })).toBe('{"a":"x","z":[3,{"a":null,"b":1}]}');
  });

  it("writes scalars as JSON and undefined as null", () => {
    expect([canonicalJson(1.5), canonicalJson("é\n"), canonicalJson(true), canonicalJson(null), canonicalJson(undefined)]).toEqual([
      "1.5",
      '"é\\n"',
      "true",
      "null",
      "null",
    ]);
  });
});
