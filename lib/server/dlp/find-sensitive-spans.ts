import "server-only";
import { detectCardNumbers } from "./detect-card-numbers";
import { detectContextSecrets } from "./detect-context-secrets";
import { detectCredentials } from "./detect-credentials";
import { detectEmails } from "./detect-emails";
import { detectIbans, FEWEST_IBAN_DIGITS } from "./detect-ibans";
import { detectPhoneNumbers } from "./detect-phone-numbers";
import { detectSsns, mentionsSsn } from "./detect-ssns";
import { authorizationCredential, judgeSecretValue } from "./judge-secret-value";
import { surveyText } from "./survey-text";
import { PROVIDER_CREDENTIAL_KINDS, type TDlpKind, type TKeyHint, type TSecretKey, type TTextMatch } from "./types";

// Where two matches overlap the higher one wins: a private key's body may contain anything, a
// named key format beats a secret found by its name or a generic `Bearer`, and `user:pass@host.com`
// is a password, not an e-mail.
const PRIORITY: Record<TDlpKind, number> = {
  ...(Object.fromEntries(PROVIDER_CREDENTIAL_KINDS.map((kind) => [kind, 90])) as Record<
    (typeof PROVIDER_CREDENTIAL_KINDS)[number],
    number
  >),
  "private-key": 100,
  jwt: 85,
  "url-password": 80,
  password: 75,
  secret: 75,
  "basic-auth": 75,
  "bearer-token": 70,
  // An IBAN's mod-97 covers all of it: a Luhn-valid run inside one is chance, not a card.
  iban: 65,
  card: 60,
  ssn: 40,
  email: 30,
  phone: 20,
};

// The shortest thing worth finding without a key saying what it is: `a@b.co`.
const SHORTEST = 6;

const outranks = (a: TTextMatch, b: TTextMatch) =>
  PRIORITY[a.kind] > PRIORITY[b.kind] || (PRIORITY[a.kind] === PRIORITY[b.kind] && a.end - a.start > b.end - b.start);

function dropOverlaps(matches: TTextMatch[]): TTextMatch[] {
  // One detector's matches arrive sorted and apart; only a mix of detectors needs the sweep.
  let ordered = true;
  for (let i = 1; i < matches.length && ordered; i++) ordered = matches[i]!.start >= matches[i - 1]!.end;
  if (ordered) return matches;
  matches.sort((a, b) => a.start - b.start);
  const kept: TTextMatch[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
    else if (outranks(match, last)) kept[kept.length - 1] = match;
  }
  return kept;
}

/** A whole value under a key that names a secret (`{"password": "hunter2"}`), when its shape agrees. */
function judgeKeyedValue(text: string, key: TSecretKey, out: TTextMatch[]): void {
  const start = text.length - text.trimStart().length;
  const value = text.trim();
  if (!judgeSecretValue(value, key)) return;
  const credential = key.judge === "authorization" ? authorizationCredential(value) : null;
  if (!credential) return void out.push({ kind: key.kind, start, end: start + value.length });
  out.push({ kind: credential.basic ? "basic-auth" : "bearer-token", start: start + credential.offset, end: start + value.length });
}

/**
 * Every sensitive span in one string, sorted and non-overlapping. `hint` is what the string's
 * object key says about it. Each detector runs only when a one-pass survey of the string says it
 * could match, so most strings skip every detector; `exhaustive` runs them all, for tests that
 * prove the survey never skips a match.
 */
export function findSensitiveSpans(options: { text: string; hint?: TKeyHint; exhaustive?: boolean }): TTextMatch[] {
  const { text, hint = null, exhaustive = false } = options;
  const out: TTextMatch[] = [];
  if (typeof hint === "object" && hint !== null) judgeKeyedValue(text, hint, out);
  if (text.length < SHORTEST) return out;
  const survey = surveyText({ text });
  if (exhaustive || survey.url || survey.pem) detectCredentials({ text, out });
  else if (survey.longToken) detectCredentials({ text, out, whole: false });
  if (exhaustive || survey.assign) detectContextSecrets({ text, out });
  if (exhaustive || survey.cardShape) detectCardNumbers({ text, out });
  if (exhaustive || (survey.ibanStart && survey.digits >= FEWEST_IBAN_DIGITS)) detectIbans({ text, out });
  const ssnKey = hint === "ssn";
  if (exhaustive || survey.threeDash || (survey.digits >= 9 && (ssnKey || mentionsSsn(text)))) detectSsns({ text, out, ssnKey });
  if (exhaustive || survey.phoneRun) detectPhoneNumbers({ text, out, phoneKey: hint === "phone" });
  if (exhaustive || survey.at) detectEmails({ text, out });
  return out.length > 1 ? dropOverlaps(out) : out;
}
