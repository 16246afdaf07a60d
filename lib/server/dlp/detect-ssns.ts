import "server-only";
import type { TTextMatch } from "./types";

// The dashed form counts anywhere; spaced, dotted and bare forms only after a word that names an SSN.
const DASHED = /(?<![\w-]|[0-9][ .])([0-9]{3})-([0-9]{2})-([0-9]{4})(?![\w]|-[0-9])/g;
const LOOSE = /(?<![\w.-]|[0-9][ .])([0-9]{3})[ .\u00a0-]?([0-9]{2})[ .\u00a0-]?([0-9]{4})(?![\w]|[-. ][0-9])/g;
const WHOLE_VALUE = /^\s*([0-9]{3})[ .-]?([0-9]{2})[ .-]?([0-9]{4})\s*$/;
// `SSN`, `SSN#`, `SS#`, `social security (number)`, `soc. sec. no.`, `TIN` (an SSN when issued to a person).
const CONTEXT = /\bssns?\b|ssn[#:]|\bss#|social[\s_-]*security|soc\.?\s*sec|\bssn(?=[a-z_-]*\s*[:=])/i;
const CONTEXT_WINDOW = 40;

/** A word naming an SSN appears somewhere in `text`: spaced and bare nine-digit forms may then count. */
export const mentionsSsn = (text: string) => CONTEXT.test(text);

// Never issued: area 000, 666 or 9xx, group 00, serial 0000; 078-05-1120 was voided after a wallet ad.
function issuable(area: string, group: string, serial: string): boolean {
  if (area === "000" || area === "666" || area.startsWith("9")) return false;
  if (group === "00" || serial === "0000") return false;
  return !(area === "078" && group === "05" && serial === "1120");
}

/**
 * Appends US social security numbers found in `text` to `out`: the dashed form (issuable ranges
 * only) anywhere; spaced, dotted or unseparated nine digits when a word such as "SSN" or "social
 * security" comes shortly before. With `ssnKey` (under a key such as `ssn`) a value that is
 * exactly nine digits, in any of those forms, counts.
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
  const named = CONTEXT.test(text);
  const pattern = named ? LOOSE : DASHED;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!issuable(match[1]!, match[2]!, match[3]!)) continue;
    const end = pattern.lastIndex;
    const dashed = match[0].length === 11 && match[0][3] === "-" && match[0][6] === "-";
    if (!dashed && !CONTEXT.test(text.slice(Math.max(0, match.index - CONTEXT_WINDOW), match.index))) continue;
    out.push({ kind: "ssn", start: match.index, end });
  }
}
