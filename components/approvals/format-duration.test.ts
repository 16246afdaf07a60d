import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("shows hours and minutes, minutes and seconds, or seconds", () => {
    expect(formatDuration(3_900_000)).toBe("1 h 05 min");
    expect(formatDuration(750_000)).toBe("12 min 30 s");
    expect(formatDuration(45_400)).toBe("45 s");
    expect(formatDuration(-5)).toBe("0 s");
  });
});
