import "server-only";

/**
 * What one pass over a string says each detector could find. Each flag is a necessary condition of
 * its detector's pattern, never a heuristic, so skipping a detector whose flag is off loses nothing.
 */
export type TTextSurvey = {
  /** Count of ASCII digits: cards need 13, phone numbers 8, SSNs 9. */
  digits: number;
  /** `@`: e-mail. */
  at: boolean;
  /**
   * A run of ≥ 20 of [A-Za-z0-9._~+/=-]: every key and token format we detect has one (AWS key ids,
   * the shortest, have 20; a JWT has an 18-character header, a dot, a payload and a dot).
   */
  longToken: boolean;
  /** `://`: a URL that may carry a password. */
  url: boolean;
  /** `-----`: a PEM header. */
  pem: boolean;
  /** Two letters then two digits, as an IBAN opens. */
  ibanStart: boolean;
  /** A run of exactly three digits followed by `-`: a dashed SSN. */
  threeDash: boolean;
  /** A run of exactly three digits followed by `-`, `.` or `)`: a North American area code. */
  threeSeparated: boolean;
  /** `+` and a digit 1–9: an international phone number. */
  plusDigit: boolean;
  /** A bare run of ≥ 13 digits, or a 4-digit group, a space or hyphen and a group of ≥ 3: a card. */
  cardShape: boolean;
};

// Character classes, one bit each.
const TOKEN = 1;
const LETTER = 2;
const DIGIT = 4;

// Survey flags, one bit each.
const AT = 1;
const LONG_TOKEN = 2;
const URL = 4;
const PEM = 8;
const IBAN_START = 16;
const THREE_DASH = 32;
const THREE_SEPARATED = 64;
const PLUS_DIGIT = 128;
const CARD_SHAPE = 256;

// Indexed by UTF-16 code unit, so the hot loop needs no range check; non-ASCII is class 0.
const CLASSES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z]/.test(ch)) CLASSES[c] = TOKEN | LETTER;
  else if (/[0-9]/.test(ch)) CLASSES[c] = TOKEN | DIGIT;
  else if (/[-_.~+/=]/.test(ch)) CLASSES[c] = TOKEN;
}

// Out-of-range reads of a typed array leave V8's fast path, so edges are checked first.
const classAt = (text: string, i: number) => (i >= 0 && i < text.length ? CLASSES[text.charCodeAt(i)]! : 0);

export function surveyText(options: { text: string }): TTextSurvey {
  const { text } = options;
  let digits = 0;
  let flags = 0;
  let token = 0;
  let run = 0;
  let previousRun = 0;
  let previousRunEnd = -2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = CLASSES[c]!;
    if (cls & TOKEN) {
      if (++token >= 20) flags |= LONG_TOKEN;
    } else token = 0;
    if (cls & DIGIT) {
      digits++;
      if (++run === 1 && classAt(text, i - 1) & LETTER && classAt(text, i - 2) & LETTER && classAt(text, i + 1) & DIGIT)
        flags |= IBAN_START;
      if (run === 13 || (run === 3 && previousRun === 4 && previousRunEnd === i - 3)) flags |= CARD_SHAPE;
      continue;
    }
    if (run > 0) {
      if (run === 3 && c === 45) flags |= THREE_DASH;
      if (run === 3 && (c === 45 || c === 46 || c === 41)) flags |= THREE_SEPARATED;
      previousRun = c === 32 || c === 45 ? run : 0;
      previousRunEnd = i;
      run = 0;
    }
    if (cls & LETTER) continue;
    if (c === 45 && text.startsWith("-----", i)) flags |= PEM;
    else if (c === 64) flags |= AT;
    else if (c === 58 && text.startsWith("//", i + 1)) flags |= URL;
    else if (c === 43 && classAt(text, i + 1) & DIGIT && text.charCodeAt(i + 1) !== 48) flags |= PLUS_DIGIT;
  }
  return {
    digits,
    at: (flags & AT) !== 0,
    longToken: (flags & LONG_TOKEN) !== 0,
    url: (flags & URL) !== 0,
    pem: (flags & PEM) !== 0,
    ibanStart: (flags & IBAN_START) !== 0,
    threeDash: (flags & THREE_DASH) !== 0,
    threeSeparated: (flags & THREE_SEPARATED) !== 0,
    plusDigit: (flags & PLUS_DIGIT) !== 0,
    cardShape: (flags & CARD_SHAPE) !== 0,
  };
}
