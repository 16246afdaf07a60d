import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TSessionUser } from "../authz/principal";
import { forbidden } from "../errors";

/** The permission table is the rule (only SECURITY holds killswitch:release); checked here too so no caller can skip it. */
export function requireReleasePermission(user: TSessionUser, action: string): void {
  if (!hasPermission(user.roles, "killswitch:release")) {
    throw forbidden(`Only a member of Security can ${action}: releasing a kill switch takes two Security people (two-person rule)`);
  }
}
