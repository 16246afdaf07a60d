import "server-only";
import { classifySecretKey } from "./classify-secret-key";
import { authorizationCredential, isPlaceholderPassword, judgeSecretValue } from "./judge-secret-value";
import type { TSecretKey, TTextMatch } from "./types";

// What may follow a secret's name: `=`, `:`, a tag's `>`; or a `--flag` before its value.
const OPERATOR = /[=:>]|--[A-Za-z]/g;
// Every name classifySecretKey accepts contains one of these.
const MAYBE_SECRET_NAME = /pass|pw|secret|token|key|auth|credential|sig/i;
const MAX_NAME = 64;
const MAX_VALUE = 512;

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
const isQuote = (c: number) => c === 34 || c === 39 || c === 96;
const isBlank = (c: number) => c === 32 || c === 9;
// An unquoted value ends at whitespace or a character that closes or separates fields.
// `&` only in a query string (`?api_key=…&page=2`): in an env file it may be part of a password.
const endsValue = (c: number, query: boolean) =>
  c !== c || c <= 32 || c === 44 || c === 59 || (query && c === 38) || c === 125 || c === 93 || c === 41 || c === 60 || isQuote(c);

/** After a name: `=`, `:`, `:=`, `=>`, a quote closing the name first, or (for `--flag`) a space. Returns where the value starts. */
function valueStart(text: string, at: number, flag: boolean, tag: boolean): number {
  let i = at;
  if (tag) return text.charCodeAt(i) === 62 ? i + 1 : -1;
  if (isQuote(text.charCodeAt(i))) i++;
  let blanks = 0;
  for (; isBlank(text.charCodeAt(i)) && blanks < 8; blanks++) i++;
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === 61 && next === 61) return -1; // `==` compares
  if (c === 61) i += next === 62 ? 2 : 1;
  else if (c === 58) i += next === 61 ? 2 : 1;
  else if (!(flag && blanks > 0)) return -1;
  blanks = 0;
  for (; isBlank(text.charCodeAt(i)) && blanks < 8; blanks++) i++;
  return i;
}

/** The value's span from `start`: inside quotes if it opens with one, else up to a separator; `[start, end)` or null. */
function valueSpan(text: string, start: number, spaced: boolean, query: boolean): [number, number] | null {
  const open = text.charCodeAt(start);
  if (isQuote(open)) {
    const close = text.indexOf(String.fromCharCode(open), start + 1);
    if (close < 0 || close - start > MAX_VALUE || text.slice(start + 1, close).includes("\n")) return null;
    return [start + 1, close];
  }
  let end = start;
  // An Authorization value is a scheme, a space and the credential.
  if (spaced) while (end < text.length && end - start < 32 && /[A-Za-z-]/.test(text.charAt(end))) end++;
  if (spaced && text.charCodeAt(end) === 32) end++;
  while (end < text.length && end - start < MAX_VALUE && !endsValue(text.charCodeAt(end), query)) end++;
  return end > start ? [start, end] : null;
}

// Prose, not an assignment: `password: must be at least 12 characters`.
const continuesAsProse = (text: string, end: number) => text.charCodeAt(end) === 32 && /[a-z]/.test(text.charAt(end + 1));

function judge(text: string, key: TSecretKey, span: [number, number], quoted: boolean): TTextMatch | null {
  const value = text.slice(span[0], span[1]);
  if (!judgeSecretValue(value, key)) return null;
  if (!quoted && /^[A-Za-z]+$/.test(value) && continuesAsProse(text, span[1])) return null;
  if (key.judge !== "authorization") return { kind: key.kind, start: span[0], end: span[1] };
  const credential = authorizationCredential(value);
  return credential && { kind: credential.basic ? "basic-auth" : "bearer-token", start: span[0] + credential.offset, end: span[1] };
}

// `mysql -u root -p'S3cret'`, `mysql -pS3cret`, `curl -u user:S3cret`.
const CLI_PASSWORD =
  /(?<=\s|^)(?:-p(?:'([^'\s]{1,128})'|"([^"\s]{1,128})"|([^\s'"-]\S{2,127}))|(?:-u|--user)[ =][^\s:]{1,64}:([^\s@]{1,128}))(?=\s|$)/dg;

function detectCliPasswords(text: string, out: TTextMatch[]): void {
  const mysql = /mysql|mariadb/i.test(text);
  CLI_PASSWORD.lastIndex = 0;
  for (let match = CLI_PASSWORD.exec(text); match; match = CLI_PASSWORD.exec(text)) {
    const group = [1, 2, 3, 4].find((g) => match?.[g] !== undefined) ?? 0;
    const span = match.indices?.[group];
    if (!span || (group === 3 && !mysql) || isPlaceholderPassword(text.slice(span[0], span[1]))) continue;
    out.push({ kind: "password", start: span[0], end: span[1] });
  }
}

/** Where the name before an operator at `at` starts and ends (skipping blanks and a closing quote), or null. */
function nameBefore(text: string, at: number): [number, number] | null {
  let end = at;
  let blanks = 0;
  for (; end > 0 && isBlank(text.charCodeAt(end - 1)) && blanks < 8; blanks++) end--;
  if (end > 0 && isQuote(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < MAX_NAME && isNameChar(text.charCodeAt(start - 1))) start--;
  return start < end ? [start, end] : null;
}

function nameAfterDashes(text: string, at: number): [number, number] | null {
  let end = at + 2;
  while (end < text.length && end - at < MAX_NAME && isNameChar(text.charCodeAt(end))) end++;
  return [at, end];
}

/**
 * Appends secrets named by what precedes them in text: `password=…`, `"client_secret": "…"`,
 * `PGPASSWORD=…`, `SECRET_KEY = '…'`, `Password=…;` in a connection string, `X-Api-Key: …`,
 * `Authorization: Basic …`, `--password …`, `<password>…</password>`, `mysql -p'…'`. Only the
 * names before an operator are read (so long prose costs one pass of a simple regex); the name
 * decides whether the value is judged as a password or as a random secret; placeholders and
 * references such as `${DB_PASSWORD}` or `<changeme>` never count.
 */
export function detectContextSecrets(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  const found: TTextMatch[] = [];
  if (text.includes("-p") || text.includes("-u")) detectCliPasswords(text, found);
  OPERATOR.lastIndex = 0;
  for (let op = OPERATOR.exec(text); op; op = OPERATOR.exec(text)) {
    const flag = op[0].length > 1;
    const name = flag ? nameAfterDashes(text, op.index) : nameBefore(text, op.index);
    if (!name) continue;
    const [start, end] = name;
    const raw = text.slice(start, end);
    if (!MAYBE_SECRET_NAME.test(raw)) continue;
    const tag = text.charCodeAt(start - 1) === 60;
    if (op[0] === ">" && !tag) continue;
    const key = classifySecretKey(raw.replace(/^[-.]+/, ""));
    if (!key) continue;
    const at = valueStart(text, end, flag, tag);
    if (at < 0) continue;
    const query = text.charCodeAt(start - 1) === 63 || text.charCodeAt(start - 1) === 38;
    const span = valueSpan(text, at, key.judge === "authorization", query);
    if (!span) continue;
    // `<password>…</password>`: a tag's value counts only with its closing tag.
    const closed = !tag || text.startsWith("</", span[1]);
    const match = closed ? judge(text, key, span, span[0] > at) : null;
    if (match) found.push(match);
    if (span[1] > OPERATOR.lastIndex) OPERATOR.lastIndex = span[1];
  }
  if (found.length > 1) found.sort((a, b) => a.start - b.start);
  let last = -1;
  for (const match of found) {
    if (match.start < last) continue;
    out.push(match);
    last = match.end;
  }
}
