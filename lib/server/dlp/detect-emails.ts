import "server-only";
import type { TTextMatch } from "./types";

// Labels are bounded and dot-separated, so the domain has one reading and the regex stays linear.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}([A-Za-z]{2,24})(?![A-Za-z0-9-])/g;

// `logo@2x.png`, `chunk@1.2.3.js`: asset names with a scale or version, not addresses.
const FILE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "js", "mjs", "cjs", "ts", "tsx", "css", "map", "json"]);

// `ssh://git@host/…` and `git@host:org/repo`: a login on a host, not a mailbox.
const isRemoteLogin = (text: string, start: number, end: number) =>
  (start >= 2 && text.startsWith("//", start - 2)) || (text.charCodeAt(end) === 58 && /[\w~/.]/.test(text.charAt(end + 1)));

/** Appends e-mail addresses found in `text` to `out`. */
export function detectEmails(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  let from = 0;
  // Run the pattern only from just before each `@`: a local part is at most 64 characters.
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", from)) {
    EMAIL.lastIndex = Math.max(from, at - 64);
    const match = EMAIL.exec(text);
    if (!match) return;
    from = EMAIL.lastIndex;
    const tld = match[1] ?? "";
    if ((tld.length <= 4 && FILE_EXTENSIONS.has(tld.toLowerCase())) || isRemoteLogin(text, match.index, from)) continue;
    out.push({ kind: "email", start: match.index, end: from });
  }
}
