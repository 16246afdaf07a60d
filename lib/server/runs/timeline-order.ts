import "server-only";
import type { TTimelineEntry } from "@/lib/contracts/runs";
import type { TPosition } from "./run-cursor";

/**
 * A timeline merges sources, each read in (at, key) order. Keys start with the source's letter —
 * `d:` decisions, `e:` run events, `p:` approval requests with their votes — so entries of the
 * same millisecond keep one order: the decision, then what was reported, then the approval.
 */
export type TSourceLetter = "d" | "e" | "p";

/** Where a source continues after `position`: from an instant (inclusive or not), or past one row of it. */
export type TContinuation = { op: "gte" | "gt"; at: Date } | { op: "after-id"; at: Date; id: string };

export function continueAfter(position: TPosition, letter: TSourceLetter): TContinuation {
  const [cursorLetter] = position.key;
  if (cursorLetter === letter) return { op: "after-id", at: position.at, id: position.key.slice(2) };
  // The cursor sits in an earlier source at that instant: all of this source's rows there are still to come.
  return { op: (cursorLetter ?? "") < letter ? "gte" : "gt", at: position.at };
}

const positionOf = (entry: TTimelineEntry) => ({ at: Date.parse(entry.at), key: entry.key });

export function compareEntries(a: TTimelineEntry, b: TTimelineEntry): number {
  const x = positionOf(a);
  const y = positionOf(b);
  return x.at - y.at || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

export function isAfter(entry: TTimelineEntry, position: TPosition | null): boolean {
  if (!position) return true;
  const { at, key } = positionOf(entry);
  return at > position.at.getTime() || (at === position.at.getTime() && key > position.key);
}

/**
 * The first `limit` entries of all sources together. Each source gave at most limit + 1 entries
 * after the cursor, so the first `limit` of the merge are the true first `limit`; any left over
 * means there is more.
 */
export function mergeTimeline(sources: TTimelineEntry[][], limit: number): { entries: TTimelineEntry[]; next: TPosition | null } {
  const merged = sources.flat().sort(compareEntries);
  const entries = merged.slice(0, limit);
  const last = entries.at(-1);
  return { entries, next: merged.length > limit && last ? { at: new Date(last.at), key: last.key } : null };
}
