import "server-only";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { findPhoneCandidates, type TPhoneCandidate } from "./find-phone-candidates";
import type { TTextMatch } from "./types";

// National formats are read as numbers of these countries, in this order (the seven first).
const COUNTRIES: readonly CountryCode[] = ["US", "GB", "DE", "FR", "IN", "BR", "JP", "ES", "IT", "NL", "AU", "MX"];

// Words that say a number nearby is a phone number, in the languages of the countries above.
const CONTEXT =
  /phone|tel\b|tel[.:]|tél|mobile|mobil|cell|fax|call|sms|whats ?app|signal|contact|reach|dial|ring|handy|telefon|portable|celular|contato|móvil|movil|cellulare|電話|携帯|tfno|ph[.:]/i;
const CONTEXT_WINDOW = 48;
// Words that say the number is something else, right before it.
const NOT_PHONE =
  /(?:zip|postal|post ?code|plz|cep|iban|account|acct|order|invoice|ticket|ref|id|no\.?|#|sku|isbn|imei|serial)[\s:=#.-]{0,3}$/i;

const groupSizes = (text: string) => text.match(/[0-9]+/g)?.map((group) => group.length) ?? [];
const sameGroups = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((size, i) => size === b[i]);

/**
 * Grouped the way the country prints its numbers (libphonenumber's national format), allowing a
 * leading `1` trunk prefix on North American numbers and groups people join (`020 79460958`).
 */
function groupedLikeCountry(candidate: TPhoneCandidate, national: string): boolean {
  let sizes = groupSizes(candidate.text);
  if (sizes.length < 2) return false;
  if (candidate.text.startsWith("1") && sizes[0] === 1) sizes = sizes.slice(1);
  const expected = groupSizes(national);
  if (sameGroups(sizes, expected)) return true;
  // Every boundary the candidate draws is one the national format draws too.
  let at = 0;
  const boundaries = new Set(expected.map((size) => (at += size)));
  at = 0;
  return sizes.length >= 2 && sizes.slice(0, -1).every((size) => boundaries.has((at += size)));
}

// Verdicts by candidate text and context: the same numbers recur across a stream of events.
const VERDICTS = new Map<string, boolean>();

function judge(candidate: TPhoneCandidate, context: boolean): boolean {
  const memoKey = `${context ? 1 : 0}${candidate.text}`;
  const known = VERDICTS.get(memoKey);
  if (known !== undefined) return known;
  const verdict = isPhoneNumber(candidate, context);
  if (VERDICTS.size >= 4096) VERDICTS.clear();
  VERDICTS.set(memoKey, verdict);
  return verdict;
}

function isPhoneNumber(candidate: TPhoneCandidate, context: boolean): boolean {
  const { text, international } = candidate;
  if (international) return parsePhoneNumberFromString(text.startsWith("00") ? `+${text.slice(2)}` : text)?.isValid() ?? false;
  // A bare run of digits is a phone number only when something says so.
  if (!candidate.separated && !context) return false;
  for (const country of COUNTRIES) {
    const phone = parsePhoneNumberFromString(text, country);
    if (!phone?.isValid()) continue;
    if (context || groupedLikeCountry(candidate, phone.formatNational())) return true;
  }
  return false;
}

/**
 * Appends phone numbers found in `text` to `out`: international numbers (`+` or `00` and a country
 * code) valid by libphonenumber's numbering metadata; national numbers valid in one of COUNTRIES
 * and either grouped as that country prints them or near a word such as "phone" or "Tel." (or
 * under a key such as `phone`). Dates, decimals, versions, IP addresses and ids glued to letters
 * are never candidates.
 */
export function detectPhoneNumbers(options: { text: string; out: TTextMatch[]; phoneKey?: boolean }): void {
  const { text, out, phoneKey = false } = options;
  for (const candidate of findPhoneCandidates({ text })) {
    if (!phoneKey && NOT_PHONE.test(text.slice(Math.max(0, candidate.start - 16), candidate.start))) continue;
    const context =
      phoneKey ||
      CONTEXT.test(text.slice(Math.max(0, candidate.start - CONTEXT_WINDOW), candidate.start)) ||
      CONTEXT.test(text.slice(candidate.end, candidate.end + 12));
    if (judge(candidate, context)) out.push({ kind: "phone", start: candidate.start, end: candidate.end });
  }
}
