import "server-only";
import type { TTextMatch } from "./types";

// Local parts and labels in any script (RFC 6531, IDNA); `@` also percent-encoded (`%40`, in URLs
// and query strings). Letters outside ASCII are listed by block rather than as \p{L}: a non-unicode
// regex runs several times faster, and the blocks leave out punctuation such as “ ” and 。.
const U =
  "\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u1FFF\\u2C00-\\u2FFF\\u3040-\\uD7FF\\uF900-\\uFDFF\\uFE70-\\uFEFF\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFDC";
const LOCAL = `[A-Za-z0-9${U}._%+-]{1,64}`;
// Labels are bounded and dot-separated, so the domain has one reading and the regex stays linear.
// `%` in labels: a percent-encoded address encodes a Unicode domain too (`%D0%BF…`).
const LABEL = `[A-Za-z0-9${U}%](?:[A-Za-z0-9${U}%-]{0,188}[A-Za-z0-9${U}])?`;
const TLD = `([A-Za-z${U}][A-Za-z${U}]{1,23}|xn--[a-z0-9-]{1,59}|(?:%[0-9A-Fa-f]{2}){2,48})`;
const EMAIL = new RegExp(`(?<![A-Za-z0-9${U}._%+-])${LOCAL}(?:@|%40)(?:${LABEL}\\.){1,8}${TLD}(?![A-Za-z0-9${U}-])`, "g");

// `logo@2x.png`, `chunk@1.2.3.js`: asset names with a scale or version, not addresses.
const FILE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "mjs", "cjs", "ts", "tsx", "css", "map", "json"]);

// `ssh://git@host/…` and `git@host:org/repo`: a login on a host, not a mailbox.
const isRemoteLogin = (text: string, start: number, end: number) =>
  (start >= 2 && text.startsWith("//", start - 2)) || (text.charCodeAt(end) === 58 && /[\w~/.]/.test(text.charAt(end + 1)));

// A local part made only of percent-escapes and digits is an encoded fragment, not a mailbox.
const isEncodedNoise = (address: string) => /^(?:%[0-9A-Fa-f]{2}|[0-9])+(?:@|%40)/.test(address);

/** Appends e-mail addresses found in `text` to `out`: ASCII or Unicode, with `@` or `%40`. */
export function detectEmails(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  let from = 0;
  // The next of each kind of `@`, kept between iterations so neither is searched for twice.
  let plain = text.indexOf("@");
  let encoded = text.indexOf("%40");
  for (;;) {
    if (plain >= 0 && plain < from) plain = text.indexOf("@", from);
    if (encoded >= 0 && encoded < from) encoded = text.indexOf("%40", from);
    const at = plain < 0 ? encoded : encoded < 0 ? plain : Math.min(plain, encoded);
    if (at < 0) return;
    // Run the pattern only from just before each `@`: a local part is at most 64 characters.
    EMAIL.lastIndex = Math.max(from, at - 64);
    const match = EMAIL.exec(text);
    if (!match) return;
    from = Math.max(EMAIL.lastIndex, at + 1);
    const tld = match[1] ?? "";
    if (tld.length <= 4 && FILE_EXTENSIONS.has(tld.toLowerCase())) continue;
    if (isRemoteLogin(text, match.index, EMAIL.lastIndex) || (match[0].includes("%") && isEncodedNoise(match[0]))) continue;
    out.push({ kind: "email", start: match.index, end: EMAIL.lastIndex });
  }
}
