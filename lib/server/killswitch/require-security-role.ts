import "server-only";
import type { TSessionUser } from "../auth/current-user";
import { forbidden } from "../errors";

/**
 * The two-person rule names SECURITY: an ADMIN holds killswitch:release only because ADMIN holds
 * every permission, so the role itself is checked, not the permission.
 */
export function requireSecurityRole(user: TSessionUser, action: string): void {
  if (!user.roles.includes("SECURITY")) {
    throw forbidden(`Only a member of Security can ${action}: releasing a kill switch takes two Security people (two-person rule)`);
  }
}
