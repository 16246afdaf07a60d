import "server-only";
import type { TTextMatch } from "./types";

const VISA = [13, 16, 19];
const SIXTEEN = [16];
const AMEX = [15];
const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];
const DINERS = [14, 15, 16, 17, 18, 19];
const NONE: readonly number[] = [];

/** Lengths the card network owning this 4-digit issuer prefix (IIN) issues; none for unknown ones. */
function lengthsForPrefix(p4: number): readonly number[] {
  const p3 = Math.floor(p4 / 10);
  const p2 = Math.floor(p4 / 100);
  if (p2 >= 40 && p2 <= 49) return VISA;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return SIXTEEN; // Mastercard
  if (p2 === 34 || p2 === 37) return AMEX;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || p2 === 62) return SIXTEEN_TO_NINETEEN; // Discover, UnionPay
  if (p4 >= 3528 && p4 <= 3589) return SIXTEEN_TO_NINETEEN; // JCB
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) return DINERS;
  return NONE;
}

/** Luhn over the digits of text[start, end), skipping separators, with no allocation. */
function luhnHolds(text: string, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    let d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (double && (d *= 2) > 9) d -= 9;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export const passesLuhn = (digits: string) => luhnHolds(digits, 0, digits.length);

/** The `length` digits in text[start, end) are a card: a known IIN, a length its network issues, Luhn. */
function isCardAt(text: string, start: number, end: number, length: number): boolean {
  const p4 = Number(text.slice(start, start + 4));
  return lengthsForPrefix(p4).includes(length) && luhnHolds(text, start, end);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

// Not glued to a word, a sign or a decimal point: `ORD-4111…`, `+4111…`, `0.3000000000000000444`.
// Commas, semicolons, pipes and tabs separate CSV fields, so a card may sit right after one.
function freeOnTheLeft(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (isWordChar(c) || c === 43) return false;
  if (c === 46) return !isDigit(text.charCodeAt(start - 2)) && !isWordChar(text.charCodeAt(start - 2));
  return !(c === 45 && isWordChar(text.charCodeAt(start - 2)));
}

function freeOnTheRight(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return !isWordChar(c) && !(c === 46 && isDigit(text.charCodeAt(end + 1)));
}

/** Maximal digit runs as [start, end, start, end, …]. */
function findDigitRuns(text: string): number[] {
  const runs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    runs.push(start, i);
  }
  return runs;
}

/**
 * Appends payment card numbers (known IIN and length, valid Luhn) found in `text` to `out`: either
 * one bare run of 13–19 digits, or printed groups (first of 4, then 3–6 digits) joined by one
 * repeated space, hyphen, dot or no-break space. A bare run longer than 19 digits is something else.
 */
export function detectCardNumbers(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  const runs = findDigitRuns(text);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const length = runs[r + 1]! - start;
    if (length >= 13 && length <= 19) {
      if (freeOnTheLeft(text, start) && freeOnTheRight(text, start + length) && isCardAt(text, start, start + length, length)) {
        out.push({ kind: "card", start, end: start + length });
      }
      continue;
    }
    if (length !== 4 || !freeOnTheLeft(text, start)) continue;
    // Printed groups: spaces, hyphens, dots or no-break spaces, one kind throughout.
    const separator = text.charCodeAt(start + 4);
    if (separator !== 32 && separator !== 45 && separator !== 46 && separator !== 160) continue;
    let digits = 4;
    let best = -1;
    for (let k = r + 2; k < runs.length; k += 2) {
      const groupStart = runs[k]!;
      const groupEnd = runs[k + 1]!;
      const previousEnd = runs[k - 1]!;
      if (groupStart !== previousEnd + 1 || text.charCodeAt(previousEnd) !== separator) break;
      if (groupEnd - groupStart < 3 || groupEnd - groupStart > 6) break;
      digits += groupEnd - groupStart;
      if (digits > 19) break;
      if (digits >= 13 && freeOnTheRight(text, groupEnd) && isCardAt(text, start, groupEnd, digits)) best = k;
    }
    if (best < 0) continue;
    out.push({ kind: "card", start, end: runs[best + 1]! });
    r = best;
  }
}
