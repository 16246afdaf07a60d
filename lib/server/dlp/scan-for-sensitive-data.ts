import "server-only";
import { findSensitiveSpans } from "./find-sensitive-spans";
import { isWalkable, readLeafText } from "./read-leaf-text";
import { redactKey } from "./redact-key";
import { scanKey } from "./scan-key";
import { MAX_DEPTH, TAG_OF_KIND, type TDlpFinding, type TDlpPath, type TDlpTag, type TKeyHint, type TTextMatch } from "./types";

export type TDlpScan = {
  findings: TDlpFinding[];
  /** Every tag found anywhere in the value, including in findings left out by `maxFindings`. */
  tags: Set<TDlpTag>;
  /** Findings past `maxFindings`, counted but not listed. */
  omitted: number;
  /** Some container sat deeper than MAX_DEPTH and was not read: callers that gate should deny. */
  depthExceeded: boolean;
};

type TState = TDlpScan & { maxFindings: number; path: TDlpPath; ancestors: object[] };

function record(state: TState, spans: readonly TTextMatch[], inKey: boolean): void {
  for (const { kind, start, end } of spans) {
    const tag = TAG_OF_KIND[kind];
    state.tags.add(tag);
    if (state.findings.length < state.maxFindings) state.findings.push({ kind, tag, start, end, path: state.path.slice(), inKey });
    else state.omitted++;
  }
}

function visit(state: TState, value: unknown, depth: number, hint: TKeyHint): void {
  const text = readLeafText({ value, hint });
  if (text !== null) return record(state, findSensitiveSpans({ text, hint }), false);
  if (typeof value !== "object" || value === null || !isWalkable(value) || state.ancestors.includes(value)) return;
  if (depth >= MAX_DEPTH) {
    state.depthExceeded = true;
    return;
  }
  state.ancestors.push(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      state.path.push(i);
      visit(state, value[i], depth + 1, hint);
      state.path.pop();
    }
  } else {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const { spans, hint: keyHint } = scanKey({ key });
      // The path names where a finding is, never what it is: a sensitive key appears redacted.
      state.path.push(spans.length ? redactKey({ key }) : key);
      record(state, spans, true);
      visit(state, object[key], depth + 1, keyHint);
      state.path.pop();
    }
  }
  state.ancestors.pop();
}

/**
 * Finds credentials, card numbers, IBANs, e-mail addresses, phone numbers and SSNs in any JSON-like
 * value: every string (and every object key) at any depth up to MAX_DEPTH. Findings name the kind,
 * its data tag, the path and the offsets, never the matched text. A gate denies when `tags` holds a
 * tag the workflow does not declare, or when `depthExceeded` says part of the value went unread.
 */
export function scanForSensitiveData(options: { value: unknown; maxFindings?: number }): TDlpScan {
  const state: TState = {
    findings: [],
    tags: new Set(),
    omitted: 0,
    depthExceeded: false,
    maxFindings: options.maxFindings ?? 100,
    path: [],
    ancestors: [],
  };
  visit(state, options.value, 0, null);
  return { findings: state.findings, tags: state.tags, omitted: state.omitted, depthExceeded: state.depthExceeded };
}
