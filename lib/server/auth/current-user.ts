import "server-only";
import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { z } from "zod";
import type { TRole } from "@/lib/contracts/roles";
import { db } from "../db/client";
import { authOptions } from "./auth-options";

/** The signed-in person as authorization sees them: read fresh from the database on every request. */
export type TSessionUser = { id: string; email: string; name: string; roles: TRole[] };

const ZUserId = z.uuid();

/**
 * The signed-in user, or null. The session only names the user; roles and the disabled flag are
 * read now, so a role change or a disabled account takes effect on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = ZUserId.safeParse(session?.user?.id);
  if (!id.success) return null;
  const user = await db.user.findUnique({
    where: { id: id.data },
    select: { id: true, email: true, name: true, roles: true, disabled: true },
  });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
});
