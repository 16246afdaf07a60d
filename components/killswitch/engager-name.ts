import type { TKillSwitchView } from "@/lib/contracts/killswitch";

type TEngaged = Pick<TKillSwitchView, "engagedBy" | "engagedByType" | "engagedByLabel">;

/**
 * Who engaged a switch, for people to read: a person by name, email or both; an automation's
 * service token by its label; Tollgate itself as "Tollgate (breaker …)".
 */
export function engagerName(ks: TEngaged, show: "name" | "email" | "name-and-email"): string {
  if (ks.engagedByType === "system") return `Tollgate (${ks.engagedByLabel})`;
  if (ks.engagedByType === "service" || !ks.engagedBy) return `service token ${ks.engagedByLabel}`;
  const { name, email } = ks.engagedBy;
  return show === "name" ? name : show === "email" ? email : `${name} (${email})`;
}
