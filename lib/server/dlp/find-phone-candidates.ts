import "server-only";

export type TPhoneCandidate = {
  start: number;
  end: number;
  text: string;
  /** Opens with `+` or `00` and a country code. */
  international: boolean;
  /** Has separators between its digits (a bare run needs a context word to count). */
  separated: boolean;
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
// Space, hyphen, dot, slash, parentheses, no-break space, non-breaking and en dashes.
const isSeparator = (c: number) =>
  c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 160 || c === 8209 || c === 8211;
const isParen = (c: number) => c === 40 || c === 41;

/** Not glued to an id, a version, an amount or a sign: `ORD-2024…`, `v1.2…`, `$415…`, `#415…`. */
function freeOnTheLeft(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c !== c) return true;
  if (isWord(c) || c === 43 || c === 36 || c === 35 || c === 8364 || c === 163 || c === 64) return false;
  return !((c === 45 || c === 46 || c === 47) && isWord(text.charCodeAt(start - 2)));
}

/** Digits, then at most two separators at a time (the second a parenthesis), from `at`; the run's last digit + 1. */
function scanRun(text: string, at: number): { end: number; next: number } {
  let i = at;
  let lastDigit = -1;
  let open = false;
  let separators = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      lastDigit = i;
      separators = 0;
      continue;
    }
    if (i === at && c === 43) continue;
    if (!isSeparator(c)) break;
    if (c === 40 ? open : c === 41 ? !open : false) break;
    if (++separators > 2 || (separators === 2 && !isParen(c) && !isParen(text.charCodeAt(i - 1)))) break;
    if (isParen(c)) open = c === 40;
  }
  // A closing parenthesis right after the last digit belongs to the number only if it opened one.
  return { end: lastDigit + 1, next: Math.max(i, at + 1) };
}

const OPENER = /[0-9]|[+(](?=[0-9])/g;

const groupsOf = (text: string) => text.match(/[0-9]+/g) ?? [];
const separatorsOf = (text: string) => text.match(/[^0-9+]+/g) ?? [];

/** Shapes that are never phone numbers: dates, decimals, IP addresses, thousands groupings. */
function isOtherNumber(text: string): boolean {
  const groups = groupsOf(text);
  const separators = separatorsOf(text);
  const sizes = groups.map((group) => group.length);
  const one = separators.length > 0 && separators.every((s) => s === separators[0]) ? separators[0]! : null;
  if (one && /^[-./]$/.test(one) && groups.length === 3) {
    if (sizes[0] === 4 && sizes[1]! <= 2 && sizes[2]! <= 2) return true;
    if (sizes[0]! <= 2 && sizes[1]! <= 2 && sizes[2] === 4) return true;
  }
  // ZIP+4 (`94105-1234`) and the dashed SSN layout (`123-45-6789`).
  if (one === "-" && ((sizes.length === 2 && sizes[0] === 5 && sizes[1] === 4) || sizes.join() === "3,2,4")) return true;
  if (one === "." && (groups.length === 2 || (groups.length === 4 && sizes.every((size) => size <= 3)))) return true;
  return (one === "." || one === " " || one === ",") && groups.length >= 3 && sizes[0]! <= 3 && sizes.slice(1).every((size) => size === 3);
}

/**
 * Spans of `text` that could be phone numbers: 7–15 digits (17 with a `00` prefix) joined by
 * single separators, free of letters and ids on both sides. libphonenumber judges them; this
 * only keeps it from being asked about every date and order number.
 */
export function findPhoneCandidates(options: { text: string }): TPhoneCandidate[] {
  const { text } = options;
  const out: TPhoneCandidate[] = [];
  // Jump from opener to opener: prose between numbers costs one pass of a simple regex.
  OPENER.lastIndex = 0;
  for (let opener = OPENER.exec(text); opener; opener = OPENER.exec(text)) {
    const start = opener.index;
    if ((text.charCodeAt(start) === 43 && text.charCodeAt(start + 1) === 48) || !freeOnTheLeft(text, start)) continue;
    const run = scanRun(text, start);
    OPENER.lastIndex = run.next;
    if (run.end <= start) continue;
    const candidate = text.slice(start, run.end);
    const digits = candidate.replace(/[^0-9]/g, "").length;
    const international = candidate.startsWith("+") || (candidate.startsWith("00") && candidate.charCodeAt(2) !== 48);
    if (digits < 7 || digits > (candidate.startsWith("00") ? 17 : 15)) continue;
    const after = text.charCodeAt(run.end);
    // Glued to a word, a sign or a time (`… 10:20`).
    if (isWord(after) || ((after === 43 || after === 58) && isDigit(text.charCodeAt(run.end + 1)))) continue;
    if (isOtherNumber(candidate)) continue;
    out.push({ start, end: run.end, text: candidate, international, separated: /[^0-9+]/.test(candidate) });
  }
  return out;
}
