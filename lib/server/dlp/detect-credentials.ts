import "server-only";
import { CREDENTIAL_FORMATS, type TCredentialFormat } from "./credential-formats";
import { isPlaceholderPassword } from "./judge-secret-value";
import { isPlaceholderSecret } from "./is-placeholder";
import type { TTextMatch } from "./types";

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const BY_HINT = new Map<string, TCredentialFormat[]>();
for (const format of CREDENTIAL_FORMATS) for (const hint of format.hints) BY_HINT.set(hint, [...(BY_HINT.get(hint) ?? []), format]);
const BY_TRIGGER = CREDENTIAL_FORMATS.filter((format) => format.trigger !== undefined);

// Every hint and trigger in one pass: longer hints first, so `sk-ant-` is taken before `sk-`.
const TRIGGER = new RegExp(
  [
    ...[...BY_HINT.keys()].sort((a, b) => b.length - a.length).map(escape),
    ...new Set(BY_TRIGGER.map((format) => format.trigger)),
    ":\\/\\/",
    "-----BEGIN ",
  ].join("|"),
  "g",
);

const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/y;
const URL_PASSWORD = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/?#@]{0,256}:([^\s/?#@]{1,256})@/dy;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/** A PEM private key from its header to its footer; one cut off before its footer is secret to the end. */
function matchPrivateKey(text: string, at: number): TTextMatch | null {
  PEM_BEGIN.lastIndex = at;
  if (!PEM_BEGIN.test(text)) return null;
  const footer = text.indexOf("-----END ", PEM_BEGIN.lastIndex);
  const close = footer < 0 ? -1 : text.indexOf("-----", footer + 9);
  return { kind: "private-key", start: at, end: close < 0 ? text.length : close + 5 };
}

/** `scheme://user:password@host`: only the password, so the rest of the URL stays readable. */
function matchUrlPassword(text: string, at: number): TTextMatch | null {
  let start = at;
  while (start > 0 && at - start < 32 && SCHEME_CHAR.test(text.charAt(start - 1))) start--;
  if (start > 0 && SCHEME_CHAR.test(text.charAt(start - 1))) return null;
  URL_PASSWORD.lastIndex = start;
  const span = URL_PASSWORD.exec(text)?.indices?.[1];
  if (!span || isPlaceholderPassword(text.slice(span[0], span[1]))) return null;
  return { kind: "url-password", start: span[0], end: span[1] };
}

function matchFormat(format: TCredentialFormat, text: string, at: number): TTextMatch | null {
  const { pattern, group, valid } = format;
  for (let start = Math.max(0, at - (format.back ?? 0)); start <= at; start++) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    const span = group === undefined ? ([match.index, match.index + match[0].length] as const) : match.indices?.[group];
    if (!span) return null;
    const secret = text.slice(span[0], span[1]);
    if ((valid && !valid(secret)) || isPlaceholderSecret(secret)) return null;
    return { kind: format.kind, start: span[0], end: span[1] };
  }
  return null;
}

function matchAt(text: string, at: number, hit: string): TTextMatch | null {
  if (hit === "://") return matchUrlPassword(text, at);
  if (hit === "-----BEGIN ") return matchPrivateKey(text, at);
  for (const format of BY_HINT.get(hit) ?? BY_TRIGGER) {
    const match = matchFormat(format, text, at);
    if (match?.kind === "bearer-token") return namedFormat(text, match);
    if (match) return match;
  }
  return null;
}

/** A bearer token in a known format (a JWT, a GitHub token) is reported as that format. */
function namedFormat(text: string, bearer: TTextMatch): TTextMatch {
  const inner: TTextMatch[] = [];
  detectCredentials({ text: text.slice(bearer.start, bearer.end), out: inner });
  const named = inner[0];
  return named && named.kind !== "bearer-token"
    ? { kind: named.kind, start: bearer.start + named.start, end: bearer.start + named.end }
    : bearer;
}

// Every format's match holds a run of 20 token characters, its hint at most this far before the run.
const LONG_RUN = /[A-Za-z0-9._~+/=-]{20,}/g;
const HINT_REACH = 48;

/** The trigger's hits in text[from, to) (a slice, so the regex never runs past it), matched against the whole text. */
function scanRange(text: string, from: number, to: number, out: TTextMatch[], last: number): number {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  TRIGGER.lastIndex = 0;
  for (let hit = TRIGGER.exec(window); hit; hit = TRIGGER.exec(window)) {
    const at = from + hit.index;
    if (at < last) continue;
    // matchAt may scan a bearer token's text with this same regex: resume from here afterwards.
    const resume = TRIGGER.lastIndex;
    const match = matchAt(text, at, hit[0]);
    TRIGGER.lastIndex = resume;
    if (!match || match.start < last) continue;
    out.push(match);
    last = match.end;
    if (TRIGGER.lastIndex < match.end - from) TRIGGER.lastIndex = match.end - from;
  }
  return last;
}

/**
 * Appends keys and tokens in their issuers' published formats, JWTs, private keys, bearer tokens
 * and URL passwords found in `text` to `out`. One regex finds every place a format could start;
 * each format is then tried there alone. Every format but URL passwords and PEM blocks needs a run
 * of 20 token characters: unless `whole` (the text has a `://` or `-----`), only the stretches
 * around such runs are searched, so prose around them costs one pass of a simple regex.
 */
export function detectCredentials(options: { text: string; out: TTextMatch[]; whole?: boolean }): void {
  const { text, out, whole = true } = options;
  if (whole) return void scanRange(text, 0, text.length, out, 0);
  let last = 0;
  let covered = 0;
  LONG_RUN.lastIndex = 0;
  for (let run = LONG_RUN.exec(text); run; run = LONG_RUN.exec(text)) {
    const end = run.index + run[0].length;
    last = scanRange(text, Math.max(covered, run.index - HINT_REACH), end, out, last);
    covered = end;
  }
}
