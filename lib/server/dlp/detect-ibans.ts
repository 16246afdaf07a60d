import "server-only";
import { BBAN_FORMATS } from "./iban-formats";
import type { TTextMatch } from "./types";

const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
const countryCode = (first: number, second: number) => upper(first) * 128 + upper(second);

// Per country (keyed by its two letters' codes, so lookups allocate nothing), one class letter per
// character: "aann" for country and check digits, then the BBAN.
const LAYOUTS = new Map(
  Object.entries(BBAN_FORMATS).map(([country, format]) => [
    countryCode(country.charCodeAt(0), country.charCodeAt(1)),
    "aann" + format.replace(/(\d+)([nac])/g, (_, count: string, kind: string) => kind.repeat(Number(count))),
  ]),
);

/** No IBAN of a listed country has fewer digits than this: a pre-check for callers. */
export const FEWEST_IBAN_DIGITS = Math.min(...[...LAYOUTS.values()].map((layout) => layout.split("n").length - 1));

// Country and check digits at the start of a word; the rest is measured by hand, up to the country's length.
const PREFIX = /(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}/g;

/** ISO 13616: the number with its first four characters moved to the end is ≡ 1 (mod 97). */
export function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    remainder = c <= 57 ? (remainder * 10 + (c - 48)) % 97 : (remainder * 100 + (c - 55)) % 97;
  }
  return remainder === 1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlphanumeric = (c: number) => isDigit(c) || isLetter(c);
const NUMERIC = "n".charCodeAt(0);
const ALPHA = "a".charCodeAt(0);

/** End of the IBAN starting at `start` (single spaces allowed between characters), or -1. */
function measureIban(text: string, start: number): number {
  const layout = LAYOUTS.get(countryCode(text.charCodeAt(start), text.charCodeAt(start + 1)));
  if (!layout) return -1;
  let i = start;
  for (let k = 0; k < layout.length; k++, i++) {
    if (text.charCodeAt(i) === 32 && k > 0) i++;
    const c = text.charCodeAt(i);
    const kind = layout.charCodeAt(k);
    if (!(kind === NUMERIC ? isDigit(c) : kind === ALPHA ? isLetter(c) : isAlphanumeric(c))) return -1;
  }
  return !isAlphanumeric(text.charCodeAt(i)) && passesMod97(text.slice(start, i).replaceAll(" ", "").toUpperCase()) ? i : -1;
}

/** Appends IBANs (known country, its length and BBAN structure, valid mod-97) found in `text` to `out`. */
export function detectIbans(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  PREFIX.lastIndex = 0;
  for (let match = PREFIX.exec(text); match; match = PREFIX.exec(text)) {
    const end = measureIban(text, match.index);
    if (end < 0) continue;
    out.push({ kind: "iban", start: match.index, end });
    PREFIX.lastIndex = end;
  }
}
