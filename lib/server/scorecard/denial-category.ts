import "server-only";
import { RULE_OF_REASON, type TDecisionReasonCode } from "@/lib/contracts/decisions";
import type { TDenialCategory } from "@/lib/contracts/scorecard";

/**
 * Each rule of the gate (PRODUCT.md, evaluated in this order) is one thing people ask about a
 * denial: the category follows from the rule, so a new reason code lands in its rule's category.
 */
const CATEGORY_OF_RULE: Record<number, TDenialCategory> = {
  1: "kill_switch",
  2: "workflow_state",
  3: "allowlist",
  4: "contract",
  5: "dlp",
  6: "model",
  7: "rate_limit",
  8: "policy",
  9: "approval",
};

/** Every reason code's category; `allowed` (rule 10) never denies, so it has none. */
export const DENIAL_CATEGORY_OF = Object.fromEntries(
  Object.entries(RULE_OF_REASON).map(([code, rule]) => [code, CATEGORY_OF_RULE[rule] ?? null]),
) as Record<TDecisionReasonCode, TDenialCategory | null>;

/** The category of a deciding reason as the roll-ups store it; null for a code this build does not know. */
export function denialCategoryOf(reason: string): TDenialCategory | null {
  return Object.hasOwn(DENIAL_CATEGORY_OF, reason) ? DENIAL_CATEGORY_OF[reason as TDecisionReasonCode] : null;
}
