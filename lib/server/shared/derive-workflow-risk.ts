import "server-only";

const SENSITIVITY = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
const TIERS = ["T0", "T1", "T2", "T3"] as const;
type TSensitivity = (typeof SENSITIVITY)[number];
type TTier = (typeof TIERS)[number];

const highest = <T extends string>(order: readonly T[], values: readonly T[]): T | null =>
  values.reduce<T | null>((top, v) => (top === null || order.indexOf(v) > order.indexOf(top) ? v : top), null);

/** The highest sensitivity a workflow declares and the highest tier it may call: list filters. */
export function deriveWorkflowRisk(options: { sensitivities: readonly TSensitivity[]; tiers: readonly TTier[] }) {
  return { maxSensitivity: highest(SENSITIVITY, options.sensitivities), maxTier: highest(TIERS, options.tiers) };
}

export function sensitivityAtMost(value: TSensitivity, limit: TSensitivity): boolean {
  return SENSITIVITY.indexOf(value) <= SENSITIVITY.indexOf(limit);
}

export function tierBelow(value: TTier, floor: TTier): boolean {
  return TIERS.indexOf(value) < TIERS.indexOf(floor);
}
