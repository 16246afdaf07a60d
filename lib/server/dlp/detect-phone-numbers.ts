import "server-only";
import type { TTextMatch } from "./types";

// International: `+`, a country code not starting with 0, then digits with spaces, dots, hyphens or
// one parenthesised group. The bounded class backtracks at most 24 steps to its last digit.
const INTERNATIONAL = /(?<![\w+])\+[1-9][0-9 ().-]{6,24}[0-9]/g;

// North American: the area code starts with 2–9 (so `100-200-3000` is not one), separators are
// consistent, and the number is not glued to an id prefix (`INV-…`) or a longer run. Exchanges are
// not held to NANP's 2–9 rule: fictional `555-123-4567` numbers fill test data and must still match.
const NORTH_AMERICAN =
  /(?<![\w+.-]|\d[ ])(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?[0-9]{3}[- ]|[2-9][0-9]{2}([-.])[0-9]{3}\1)[0-9]{4}(?![\w]|[-.][0-9])/g;

function plausibleInternational(candidate: string, text: string, end: number): boolean {
  // Followed by a separator and more digits: part of a longer numeric sequence.
  if (/^[ ().-][0-9]/.test(text.slice(end, end + 2))) return false;
  const digits = candidate.replace(/[^0-9]/g, "").length;
  if (digits < 8 || digits > 15) return false;
  const flat = candidate.replace(/ ?\([0-9]{1,4}\) ?/, " ");
  if (/[()]|[ .-]{2}/.test(flat)) return false;
  // One dot reads as a decimal amount (`+12345678.90`); dotted phone numbers use several.
  return candidate.split(".").length !== 2 && /[0-9]{2}$/.test(candidate);
}

/**
 * Appends international (E.164-style) and North American phone numbers found in `text` to `out`.
 * A caller that knows one form cannot occur may switch it off.
 */
export function detectPhoneNumbers(options: { text: string; out: TTextMatch[]; international?: boolean; northAmerican?: boolean }): void {
  const { text, out, international = true, northAmerican = true } = options;
  if (international) {
    INTERNATIONAL.lastIndex = 0;
    for (let match = INTERNATIONAL.exec(text); match; match = INTERNATIONAL.exec(text)) {
      if (plausibleInternational(match[0], text, INTERNATIONAL.lastIndex))
        out.push({ kind: "phone", start: match.index, end: INTERNATIONAL.lastIndex });
    }
  }
  if (!northAmerican) return;
  NORTH_AMERICAN.lastIndex = 0;
  for (let match = NORTH_AMERICAN.exec(text); match; match = NORTH_AMERICAN.exec(text)) {
    out.push({ kind: "phone", start: match.index, end: NORTH_AMERICAN.lastIndex });
  }
}
