import "server-only";
import type { TTextMatch } from "./types";

// Only the dashed form in free text: bare nine-digit numbers are too often something else.
const DASHED = /(?<![\w-]|[0-9][ .])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![\w]|-[0-9])/g;
const WHOLE_VALUE = /^\s*([0-9]{3})[ -]?([0-9]{2})[ -]?([0-9]{4})\s*$/;

// Never issued: area 000, 666 or 9xx, group 00, serial 0000; 078-05-1120 was voided after a wallet ad.
function issuable(area: string, group: string, serial: string): boolean {
  if (area === "000" || area === "666" || area.startsWith("9")) return false;
  if (group === "00" || serial === "0000") return false;
  return !(area === "078" && group === "05" && serial === "1120");
}

/**
 * Appends US social security numbers found in `text` to `out`. With `ssnKey` (the value sits under a
 * key such as `ssn`), a value that is exactly nine digits, dashed, spaced or bare, also counts.
 */
export function detectSsns(options: { text: string; out: TTextMatch[]; ssnKey?: boolean }): void {
  const { text, out, ssnKey = false } = options;
  if (ssnKey) {
    const whole = WHOLE_VALUE.exec(text);
    if (whole && issuable(whole[1]!, whole[2]!, whole[3]!)) {
      const start = text.search(/[0-9]/);
      out.push({ kind: "ssn", start, end: text.trimEnd().length });
      return;
    }
  }
  DASHED.lastIndex = 0;
  for (let match = DASHED.exec(text); match; match = DASHED.exec(text)) {
    if (issuable(match[1]!, match[2]!, match[3]!)) out.push({ kind: "ssn", start: match.index, end: DASHED.lastIndex });
  }
}
