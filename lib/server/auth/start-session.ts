import "server-only";
import { randomBytes } from "node:crypto";
import type { TTx } from "../db/client";
import { SESSION_SECONDS } from "./session-lifetime";

/**
 * Opens a server-side session for a sign-in, in the sign-in's own transaction; the returned id is
 * what the session JWT carries, and every request checks that row (see readSessionUser).
 */
export async function startSession(options: { tx: TTx; userId: string; method: "password" | "oidc"; now: Date }): Promise<string> {
  const { tx, userId, method, now } = options;
  const id = randomBytes(32).toString("base64url");
  await tx.userSession.create({
    data: { id, userId, method, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000) },
  });
  return id;
}
