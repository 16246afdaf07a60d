import "server-only";
import { findSensitiveSpans } from "./find-sensitive-spans";
import { isWalkable, readLeafText } from "./read-leaf-text";
import { scanKey } from "./scan-key";
import { MAX_DEPTH, TAG_OF_KIND, type TDlpKind, type TDlpTag, type TKeyHint, type TTextMatch } from "./types";

export type TDlpRedaction = {
  value: unknown;
  /** Sensitive values replaced by a placeholder. */
  count: number;
  /** Containers replaced by `[TRUNCATED]` (deeper than MAX_DEPTH) or `[CIRCULAR]`. */
  truncated: number;
  /** Some container sat deeper than MAX_DEPTH and was not read. */
  depthExceeded: boolean;
  /** Every kind found, redacted or kept (with `only`), and how often: what a screening reports. */
  found: Map<TDlpKind, number>;
};

type TState = {
  count: number;
  truncated: number;
  depthExceeded: boolean;
  ancestors: object[];
  only: ReadonlySet<TDlpTag> | null;
  found: Map<TDlpKind, number>;
};

// Counts what was found; with `only`, spans of other tags stay as they are.
function kept(state: TState, spans: readonly TTextMatch[]): readonly TTextMatch[] {
  for (const span of spans) state.found.set(span.kind, (state.found.get(span.kind) ?? 0) + 1);
  return state.only && spans.length ? spans.filter((span) => state.only!.has(TAG_OF_KIND[span.kind])) : spans;
}

// Cards keep their last four digits, as receipts do; nothing else keeps anything.
function placeholder(text: string, { kind, start, end }: TTextMatch): string {
  if (kind !== "card") return `[REDACTED:${kind}]`;
  return `[REDACTED:card:…${text
    .slice(start, end)
    .replace(/[^0-9]/g, "")
    .slice(-4)}]`;
}

function redactText(state: TState, text: string, spans: readonly TTextMatch[]): string {
  let result = "";
  let from = 0;
  for (const span of spans) {
    result += text.slice(from, span.start) + placeholder(text, span);
    from = span.end;
  }
  state.count += spans.length;
  return result + text.slice(from);
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  // A JSON-parsed "__proto__" key is data; plain assignment would replace the prototype instead.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function unusedName(target: Record<string, unknown>, name: string): string {
  let unique = name;
  for (let n = 2; Object.hasOwn(target, unique); n++) unique = `${name}#${n}`;
  return unique;
}

function copyObject(state: TState, object: Record<string, unknown>, depth: number): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  let renamed = false;
  for (const key of Object.keys(object)) {
    const scan = scanKey({ key });
    const { hint } = scan;
    const spans = kept(state, scan.spans);
    let name = key;
    if (spans.length > 0) {
      name = redactText(state, key, spans);
      renamed = true;
    }
    // Once a key is redacted it may meet another redacted key, or an original spelled like a placeholder.
    if (renamed) name = unusedName(target, name);
    assign(target, name, copy(state, object[key], depth + 1, hint));
  }
  return target;
}

function copy(state: TState, value: unknown, depth: number, hint: TKeyHint): unknown {
  const text = readLeafText({ value, hint });
  if (text !== null) {
    const spans = kept(state, findSensitiveSpans({ text, hint }));
    return spans.length === 0 ? value : redactText(state, text, spans);
  }
  if (typeof value !== "object" || value === null || !isWalkable(value)) return value;
  if (depth >= MAX_DEPTH || state.ancestors.includes(value)) {
    state.truncated++;
    if (depth >= MAX_DEPTH) state.depthExceeded = true;
    return depth >= MAX_DEPTH ? "[TRUNCATED]" : "[CIRCULAR]";
  }
  state.ancestors.push(value);
  const result = Array.isArray(value)
    ? value.map((item: unknown) => copy(state, item, depth + 1, hint))
    : copyObject(state, value as Record<string, unknown>, depth);
  state.ancestors.pop();
  return result;
}

/**
 * A deep copy of a JSON-like value with every sensitive span replaced by a typed placeholder
 * (`[REDACTED:email]`, `[REDACTED:card:…4242]`), in values and in keys. The input is not touched;
 * strings, numbers and booleans without findings come back as they were, but an integer that is a
 * card number becomes its placeholder string. With `only`, just the spans of those tags are replaced.
 */
export function redactSensitiveData(options: { value: unknown; only?: ReadonlySet<TDlpTag> }): TDlpRedaction {
  const state: TState = { count: 0, truncated: 0, depthExceeded: false, ancestors: [], only: options.only ?? null, found: new Map() };
  const value = copy(state, options.value, 0, null);
  return { value, count: state.count, truncated: state.truncated, depthExceeded: state.depthExceeded, found: state.found };
}
