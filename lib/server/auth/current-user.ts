import "server-only";
import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { z } from "zod";
import type { TSessionUser } from "../authz/principal";
import { env } from "../env";
import { readSessionUser } from "./read-session-user";

const ZSessionToken = z.object({ sub: z.uuid(), sid: z.string().min(32).max(64) });

/**
 * The signed-in user, or null. The session JWT only names the user and the server-side session;
 * the session row, roles and the disabled flag are read now, so signing out, "sign out everywhere",
 * a removed role or a disabled account takes effect on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  // Only the cookie is passed on: getToken would also take a JWT from an Authorization header.
  const cookie = (await headers()).get("cookie");
  if (!cookie) return null;
  const request = new NextRequest("http://tollgate.invalid/", { headers: { cookie } });
  const token = ZSessionToken.safeParse(await getToken({ req: request, secret: env().NEXTAUTH_SECRET }));
  if (!token.success) return null;
  return readSessionUser({ sessionId: token.data.sid, userId: token.data.sub });
});
