import "server-only";
import type { TPermission } from "@/lib/contracts/permissions";
import { hasPermission } from "@/lib/contracts/permissions";
import { getCurrentUser } from "../auth/current-user";
import type { TSessionUser } from "../authz/principal";
import { recordAccessDenied } from "../authz/record-access-denied";
import { AppError } from "../errors";

/** The signed-in user, if they hold `permission`; a refusal is itself audited. */
export async function authenticateSession(options: {
  permission: TPermission;
  requestId: string;
  resource: string;
}): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint");
  if (!hasPermission(user.roles, options.permission)) {
    await recordAccessDenied({ user, permission: options.permission, resource: options.resource, requestId: options.requestId });
    throw new AppError("forbidden", `This needs the ${options.permission} permission, which your roles do not grant`);
  }
  return user;
}
