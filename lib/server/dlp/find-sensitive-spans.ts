import "server-only";
import { detectCardNumbers } from "./detect-card-numbers";
import { detectCredentials } from "./detect-credentials";
import { detectEmails } from "./detect-emails";
import { detectIbans, FEWEST_IBAN_DIGITS } from "./detect-ibans";
import { detectPhoneNumbers } from "./detect-phone-numbers";
import { detectSsns } from "./detect-ssns";
import { surveyText } from "./survey-text";
import type { TDlpKind, TTextMatch } from "./types";

// Where two matches overlap the higher one wins: a private key's body may contain anything, a
// named key format beats a generic `Bearer`, and `user:pass@host.com` is a password, not an e-mail.
const PRIORITY: Record<TDlpKind, number> = {
  "private-key": 100,
  "aws-access-key": 90,
  "github-token": 90,
  "slack-token": 90,
  "stripe-key": 90,
  "openai-key": 90,
  "anthropic-key": 90,
  "google-api-key": 90,
  "tollgate-token": 90,
  jwt: 85,
  "url-password": 80,
  "bearer-token": 70,
  card: 60,
  iban: 50,
  ssn: 40,
  email: 30,
  phone: 20,
};

// The shortest thing worth finding: `a@b.co`.
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

/**
 * Every sensitive span in one string, sorted and non-overlapping. Each detector runs only when a
 * one-pass survey of the string says it could match, so most strings skip every detector;
 * `exhaustive` runs them all, for tests that prove the survey never skips a match.
 */
export function findSensitiveSpans(options: { text: string; ssnKey?: boolean; exhaustive?: boolean }): TTextMatch[] {
  const { text, ssnKey = false, exhaustive = false } = options;
  if (text.length < SHORTEST) return [];
  const survey = surveyText({ text });
  const out: TTextMatch[] = [];
  if (exhaustive || survey.longToken || survey.url || survey.pem) detectCredentials({ text, out });
  if (exhaustive || survey.cardShape) detectCardNumbers({ text, out });
  if (exhaustive || (survey.ibanStart && survey.digits >= FEWEST_IBAN_DIGITS)) detectIbans({ text, out });
  if (exhaustive || survey.threeDash || (ssnKey && survey.digits === 9)) detectSsns({ text, out, ssnKey });
  const international = exhaustive || (survey.plusDigit && survey.digits >= 8);
  const northAmerican = exhaustive || (survey.threeSeparated && survey.digits >= 10);
  if (international || northAmerican) detectPhoneNumbers({ text, out, international, northAmerican });
  if (exhaustive || survey.at) detectEmails({ text, out });
  return out.length > 1 ? dropOverlaps(out) : out;
}
