import "server-only";
import type { TPolicyDiff, TPolicyProposal } from "@/lib/contracts/policies";
import { diffPolicyText, textLines } from "./diff-policy-text";

const FIELDS = ["name", "description", "enabled"] as const;

/** The frozen diff and one-line summary a POLICY change request carries; `before` null for a new policy. */
export function describePolicyChange(before: TPolicyProposal | null, after: TPolicyProposal): { diff: TPolicyDiff; summary: string } {
  const fields = before
    ? FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }))
    : [];
  const lines = diffPolicyText(before?.text ?? "", after.text);
  const added = lines.filter((l) => l.op === "added").length;
  const removed = lines.filter((l) => l.op === "removed").length;
  const diff: TPolicyDiff = { fields, before: textLines(before?.text ?? ""), after: textLines(after.text), lines };
  if (!before) return { diff, summary: `New policy ${after.key}: ${after.name}${after.enabled ? "" : " (disabled)"}` };
  const parts = [
    added || removed ? `text +${added} −${removed} lines` : null,
    ...fields.map((f) => (f.field === "enabled" ? (after.enabled ? "enable" : "disable") : `${f.field} changed`)),
  ].filter(Boolean);
  return { diff, summary: `Change policy ${after.key}: ${parts.join(", ")}` };
}
