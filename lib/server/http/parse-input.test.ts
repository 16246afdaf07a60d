import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkInput, parseJsonText } from "./parse-input";

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseJsonText's edge checks", () => {
  it("refuses an escaped NUL with a 400 naming the field", () => {
    const error = refusal(() => parseJsonText('{"runId":"run\\u0000x"}'));
    expect(error.code).toBe("validation_failed");
    expect(error.fieldProblems).toEqual([{ path: "body.runId", message: "Contains a NUL character (U+0000), which cannot be stored" }]);
  });

  it("refuses a raw NUL and escaped lone surrogates", () => {
    // JSON forbids raw control characters inside strings, so that one never parses.
    expect(refusal(() => parseJsonText('{"a":"x\u0000"}')).code).toBe("bad_request");
    expect(refusal(() => parseJsonText('{"a":["\\uDFFF"]}')).fieldProblems?.[0]?.path).toBe("body.a.0");
    expect(refusal(() => parseJsonText('{"a":"\\ud800x"}')).fieldProblems?.[0]?.message).toMatch(/surrogate/);
    // A surrogate encoded in the bytes themselves (CESU-8) decodes to U+FFFD, which is storable.
    expect(parseJsonText(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]).toString("utf8"))).toBe("\uFFFD\uFFFD\uFFFD");
  });

  it("accepts astral characters, escaped or raw", () => {
    expect(parseJsonText('{"a":"\\ud83d\\ude00","b":"😀"}')).toEqual({ a: "😀", b: "😀" });
  });

  it("refuses nesting past 64 levels precisely, at any depth, without overflowing", () => {
    for (const depth of [65, 5_000, 10_000]) {
      const error = refusal(() => parseJsonText(`{"arguments":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`));
      expect(error.code).toBe("validation_failed");
      expect(error.detail).toMatch(/deeper than 64 levels/);
      expect(error.detail).not.toMatch(/call stack/);
    }
  });

  it("accepts a wide body with many objects that is not deep", () => {
    const wide = { items: Array.from({ length: 500 }, (_, i) => ({ i, tags: [i] })) };
    expect(parseJsonText(JSON.stringify(wide))).toEqual(wide);
  });

  it("leaves text to the items when asked, still checking depth", () => {
    expect(parseJsonText('{"events":[{"runId":"\\u0000"}]}', { text: false })).toEqual({ events: [{ runId: "\u0000" }] });
    expect(refusal(() => parseJsonText(`{"events":${"[".repeat(100)}${"]".repeat(100)}}`, { text: false })).detail).toMatch(/64 levels/);
  });
});

describe("checkInput", () => {
  it("names query and path values", () => {
    expect(refusal(() => checkInput({ status: ["OPEN", "x\u0000"] }, "query")).fieldProblems).toEqual([
      { path: "query.status.1", message: "Contains a NUL character (U+0000), which cannot be stored" },
    ]);
    expect(refusal(() => checkInput({ id: "\uDC00" }, "params")).fieldProblems?.[0]?.path).toBe("params.id");
    expect(checkInput({ id: "abc" }, "params")).toEqual({ id: "abc" });
  });
});
