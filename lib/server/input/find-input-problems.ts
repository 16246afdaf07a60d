import "server-only";
import type { TFieldProblem } from "@/lib/contracts/errors";

/** How many objects and arrays a request's JSON may nest; far beyond real use, far below the stack. */
export const MAX_INPUT_DEPTH = 64;

// In `u` mode a surrogate pair is one code point, so only unpaired halves match \p{Surrogate}.
const UNSTORABLE = /\0|\p{Surrogate}/u;
const NUL = "Contains a NUL character (U+0000), which cannot be stored";
const SURROGATE = "Contains an unpaired UTF-16 surrogate (U+D800–U+DFFF), which is not valid Unicode and cannot be stored";
const DEPTH = `Nests objects and arrays deeper than ${MAX_INPUT_DEPTH} levels, the limit for any JSON input; flatten it`;
// A caller fixing one mistake repeated a thousand times needs the first few, not all.
const MAX_PROBLEMS = 10;

/** Why Postgres could not store `text` (a NUL, an unpaired surrogate), or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (!UNSTORABLE.test(text)) return null;
  return text.includes("\0") ? NUL : SURROGATE;
}

type TFrame = { value: unknown; path: string; depth: number };

/**
 * What in a parsed input could not be stored or safely walked: strings and object keys holding a
 * NUL or an unpaired surrogate (Postgres refuses both), and nesting deeper than MAX_INPUT_DEPTH
 * (canonical JSON, DLP and JSON Schema compilation recurse). Walked iteratively, so any depth is
 * safe to check. `text: false` checks depth only, for inputs whose items are checked one by one.
 */
export function findInputProblems(options: { value: unknown; path: string; text?: boolean; maxDepth?: number }): TFieldProblem[] {
  const checkText = options.text ?? true;
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  const problems: TFieldProblem[] = [];
  const stack: TFrame[] = [{ value: options.value, path: options.path, depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop() as TFrame;
    if (typeof value === "string") {
      const reason = checkText ? unstorableTextReason(value) : null;
      if (reason) problems.push({ path, message: reason });
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > maxDepth) {
      problems.push({ path, message: DEPTH });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const reason = checkText ? unstorableTextReason(key) : null;
      // The key itself stays out of the path: it is the unprintable part.
      if (reason) problems.push({ path, message: `A key of this object ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return problems;
}
