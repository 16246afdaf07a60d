import "server-only";

/**
 * What one pass over a string says each detector could find. Each flag is a necessary condition of
 * its detector's pattern, never a heuristic, so skipping a detector whose flag is off loses nothing.
 */
export type TTextSurvey = {
  /** Count of ASCII digits: cards need 13, phone numbers 8, SSNs 9. */
  digits: number;
  /** `@` or `%40`: e-mail. */
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
  /** A bare run of ≥ 13 digits, or a 4-digit group, a space, hyphen or dot and a group of ≥ 3: a card. */
  cardShape: boolean;
  /**
   * ≥ 7 digits with only phone separators (space - . / ( ) + no-break space) between them, in a
   * run that is not a date (4-2-2 or 2-2-4 digits, one separator) and does not start glued to a word.
   */
  phoneRun: boolean;
  /** `=`, `:` (not between digits), `>` or `-p`, `-u`, `--`: a name may assign a secret (`password=…`, `--token …`). */
  assign: boolean;
};

// Character classes, one bit each.
const TOKEN = 1;
const LETTER = 2;
const DIGIT = 4;
const UPPER = 8;
const LOWER = 16;
/** Space, hyphen, dot, slash, parentheses, plus, no-break space: what may sit between a phone number's digits. */
const PHONE_SEPARATOR = 32;
/** Hyphen, dot, slash: what glues digits to a word before them (`ORD-2024…`). */
const GLUE = 64;

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
const PHONE_RUN = 512;
const ASSIGN = 1024;

// Indexed by UTF-16 code unit, so the hot loop needs no range check; non-ASCII is class 0.
const CLASSES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Z]/.test(ch)) CLASSES[c] = TOKEN | LETTER | UPPER;
  else if (/[a-z]/.test(ch)) CLASSES[c] = TOKEN | LETTER | LOWER;
  else if (/[0-9]/.test(ch)) CLASSES[c] = TOKEN | DIGIT;
  else if (/[-_.~+/=]/.test(ch)) CLASSES[c] = TOKEN;
  if (/[ ./()+-]/.test(ch)) CLASSES[c]! |= PHONE_SEPARATOR;
  if (/[-./]/.test(ch)) CLASSES[c]! |= GLUE;
}
CLASSES[160] = PHONE_SEPARATOR;

// Out-of-range reads of a typed array leave V8's fast path, so edges are checked first.
const classAt = (text: string, i: number) => (i >= 0 && i < text.length ? CLASSES[text.charCodeAt(i)]! : 0);

/** A run of digits and phone separators, measured for the phone flag. */
type TPhoneRun = {
  digits: number;
  groups: number;
  first: number;
  second: number;
  current: number;
  /** The separator between the groups so far (0 before the second group). */
  separator: number;
  /** Separators seen since the last digit. */
  pending: number;
  pendingCount: number;
  mixed: boolean;
  glued: boolean;
};
const newRun = (): TPhoneRun => ({
  digits: 0,
  groups: 0,
  first: 0,
  second: 0,
  current: 0,
  separator: 0,
  pending: 0,
  pendingCount: 0,
  mixed: false,
  glued: false,
});

/** A run of 7+ digits that findPhoneCandidates could take: not glued to a word, not exactly a date. */
function phoneWorthy(run: TPhoneRun): boolean {
  if (run.digits < 7 || run.glued) return false;
  const groups = run.groups + (run.current > 0 ? 1 : 0);
  if (groups !== 3 || run.mixed || !(run.separator === 45 || run.separator === 46 || run.separator === 47)) return true;
  const last = run.current;
  return !((run.first === 4 && run.second <= 2 && last <= 2) || (run.first <= 2 && run.second <= 2 && last === 4));
}

export function surveyText(options: { text: string }): TTextSurvey {
  const { text } = options;
  let digits = 0;
  let flags = 0;
  let token = 0;
  let tokenKinds = 0;
  let run = 0;
  let previousRun = 0;
  let previousRunEnd = -2;
  let phone = newRun();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = CLASSES[c]!;
    if (cls & TOKEN) {
      tokenKinds |= cls;
      if (++token >= 20 && ((tokenKinds & DIGIT && tokenKinds & LETTER) || (tokenKinds & UPPER && tokenKinds & LOWER))) flags |= LONG_TOKEN;
    } else {
      token = 0;
      tokenKinds = 0;
    }
    if (cls & DIGIT) {
      digits++;
      if (phone.digits === 0) {
        const before = classAt(text, i - 1);
        phone.glued = (before & LETTER) !== 0 || ((before & GLUE) !== 0 && (classAt(text, i - 2) & LETTER) !== 0);
        // Opened by `(` or `+`: not a date's layout.
        if (phone.pending === 40 || phone.pending === 43) phone.mixed = true;
      } else if (phone.current === 0) {
        // Only separators between digits count, so a date followed by a space is still a date.
        if (phone.pendingCount > 1) phone.mixed = true;
        if (phone.separator === 0) phone.separator = phone.pending;
        else if (phone.separator !== phone.pending) phone.mixed = true;
      }
      phone.pendingCount = 0;
      phone.digits++;
      phone.current++;
      if (++run === 1 && classAt(text, i - 1) & LETTER && classAt(text, i - 2) & LETTER && classAt(text, i + 1) & DIGIT)
        flags |= IBAN_START;
      if (run === 13 || (run === 3 && previousRun === 4 && previousRunEnd === i - 3)) flags |= CARD_SHAPE;
      continue;
    }
    if (run > 0) {
      if (run === 3 && c === 45) flags |= THREE_DASH;
      if (run === 3 && (c === 45 || c === 46 || c === 41)) flags |= THREE_SEPARATED;
      previousRun = c === 32 || c === 45 || c === 46 || c === 160 ? run : 0;
      previousRunEnd = i;
      run = 0;
    }
    if (cls & PHONE_SEPARATOR) {
      if (phone.current > 0) {
        if (phone.groups === 0) phone.first = phone.current;
        else if (phone.groups === 1) phone.second = phone.current;
        phone.groups++;
        phone.current = 0;
      }
      phone.pending = c;
      phone.pendingCount++;
      // A space or parenthesis ends what glued the run to a word: a number may start after it.
      if (phone.glued && !(cls & GLUE)) phone = { ...newRun(), pending: c, pendingCount: 1 };
    } else if (phone.digits > 0 || phone.current > 0) {
      if (phoneWorthy(phone)) flags |= PHONE_RUN;
      phone = newRun();
    }
    if (cls & LETTER) continue;
    if (c === 45) {
      if (text.startsWith("-----", i)) flags |= PEM;
      const next = text.charCodeAt(i + 1);
      if (next === 112 || next === 117 || next === 45) flags |= ASSIGN;
    } else if (c === 64) flags |= AT;
    else if (c === 58) flags |= text.startsWith("//", i + 1) ? URL | ASSIGN : classAt(text, i - 1) & DIGIT ? 0 : ASSIGN;
    else if (c === 61 || c === 62) flags |= ASSIGN;
    else if (c === 37 && text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 48) flags |= AT;
    else if (c === 43 && classAt(text, i + 1) & DIGIT && text.charCodeAt(i + 1) !== 48) flags |= PLUS_DIGIT;
  }
  if (phoneWorthy(phone)) flags |= PHONE_RUN;
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
    phoneRun: (flags & PHONE_RUN) !== 0,
    assign: (flags & ASSIGN) !== 0,
  };
}
