import "server-only";

// Keys that providers print in their own documentation, copied into every tutorial and test: not secrets.
const DOCUMENTED_EXAMPLES = new Set([
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
]);

// Words people type where the secret goes: `<your-api-key>`, `sk_live_xxxxxxxx`, `YOUR_TOKEN_HERE`.
const FILLER =
  /example|xxxx|your[-_ ]?|placeholder|changeme|change[-_]me|redacted|dummy|sample|replace|insert|secret[-_]?here|token[-_]?here|key[-_]?here|\*\*\*|\.\.\.|…|<|>|\$\{|\{\{/i;

/**
 * A value that stands for a secret without being one: documented examples, masks, fillers,
 * template references, and strings with too few distinct characters to be random.
 */
export function isPlaceholderSecret(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value) || DOCUMENTED_EXAMPLES.has(value.slice(value.lastIndexOf(".") + 1)) || FILLER.test(value)) return true;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return value.length >= 16 && distinctCharacters(value, 8) < 8;
}

/** Distinct characters in `value`, counting stops at `enough`. */
export function distinctCharacters(value: string, enough: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < value.length && seen.size < enough; i++) seen.add(value.charCodeAt(i));
  return seen.size;
}

/** Shannon entropy in bits per character. */
export function entropyPerCharacter(value: string): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
