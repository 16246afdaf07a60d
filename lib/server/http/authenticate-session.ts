import "server-only";
import type { TPermission } from "@/lib/contracts/permissions";
import { hasPermission } from "@/lib/contracts/permissions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getCurrentUser, type TSessionUser } from "../auth/current-user";
import { actorOf } from "../authz/principal";
import { db } from "../db/client";
import { AppError } from "../errors";

/** The signed-in user, if they hold `permission`; a refusal is itself audited. */
export async function authenticateSession(options: { permission: TPermission; requestId: string; resource: string }): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint");
  if (!hasPermission(user.roles, options.permission)) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, actorOf({ kind: "user", user }, options.requestId), {
        action: "access.denied",
        data: { permission: options.permission, resource: options.resource },
      }),
    );
    throw new AppError("forbidden", `This needs the ${options.permission} permission, which your roles do not grant`);
  }
  return user;
}
