import "server-only";
import { redirect } from "next/navigation";
import { hasPermission, type TPermission } from "@/lib/contracts/permissions";
import { getCurrentUser } from "../auth/current-user";
import type { TSessionUser } from "../authz/principal";
import { recordAccessDenied } from "../authz/record-access-denied";

export type TPageAccess = { allowed: true; user: TSessionUser } | { allowed: false; user: TSessionUser; permission: TPermission };

/** The signed-in user for the console shell, or null; it never redirects (see requirePageUser). */
export async function currentPageUser(): Promise<TSessionUser | null> {
  return getCurrentUser();
}

/**
 * The gate every console page calls first. No session: redirect to sign-in, coming back to
 * `path` (a server component cannot see its own URL, so the page names it). Lacking
 * `permission`: the page renders its refusal, and the refusal is audited as on the API.
 */
export async function requirePageUser(options: { path: string; permission?: TPermission }): Promise<TPageAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(options.path)}`);
  const { permission } = options;
  if (!permission || hasPermission(user.roles, permission)) return { allowed: true, user };
  await recordAccessDenied({ user, permission, resource: options.path, requestId: null });
  return { allowed: false, user, permission };
}
