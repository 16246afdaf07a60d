import "server-only";
import type { TPolicyDiffLine } from "@/lib/contracts/policies";

export const textLines = (text: string): string[] => (text === "" ? [] : text.replace(/\r\n/g, "\n").split("\n"));

/** A line diff (longest common subsequence) of two texts: what review shows as - and + lines. */
export function diffPolicyText(before: string, after: string): TPolicyDiffLine[] {
  const a = textLines(before);
  const b = textLines(after);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: TPolicyDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: "same", text: a[i]! });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) {
      lines.push({ op: "removed", text: a[i++]! });
    } else {
      lines.push({ op: "added", text: b[j++]! });
    }
  }
  while (i < a.length) lines.push({ op: "removed", text: a[i++]! });
  while (j < b.length) lines.push({ op: "added", text: b[j++]! });
  return lines;
}
