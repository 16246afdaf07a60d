import "server-only";
import type { TAuditActor, TAuditEvent } from "@/lib/contracts/audit";
import { ZSignInInput } from "@/lib/contracts/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db, type TTx } from "../db/client";
import { env } from "../env";
import { computeSignInPenalty } from "./compute-sign-in-penalty";
import type { TSessionUser } from "./current-user";
import { verifyPassword } from "./password";
import { runAudited } from "../audit/run-audited";

export type TPasswordSignInFailure =
  | { reason: "invalid_input" | "invalid_credentials" | "disabled" }
  | { reason: "locked" | "throttled"; retryAt: Date };
export type TPasswordSignInResult = { ok: true; user: TSessionUser } | { ok: false; failure: TPasswordSignInFailure };

type TFailureReason = Extract<TAuditEvent, { action: "auth.sign_in.failed" }>["data"]["reason"];

const fail = (failure: TPasswordSignInFailure): TPasswordSignInResult => ({ ok: false, failure });

/** Locks the user's row for the rest of the transaction, so concurrent attempts run one at a time. */
async function lockUserByEmail(tx: TTx, email: string) {
  // NO KEY UPDATE: a registry write that already holds the audit lock and inserts a row referencing
  // this user (RACI, owner) needs KEY SHARE on it; FOR UPDATE would deadlock with that write.
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE lower(email) = ${email} LIMIT 1 FOR NO KEY UPDATE`;
  const id = rows[0]?.id;
  return id ? tx.user.findUnique({ where: { id }, omit: { passwordHash: false } }) : null;
}

/**
 * Checks an email and password. Every outcome is audited in the transaction that updates the
 * account's failure counters; a locked or throttled account is refused before its password is
 * checked. Unknown emails, wrong passwords and SSO-only accounts fail alike.
 */
export async function signInWithPassword(options: { email: string; password: string; requestId?: string | null }): Promise<TPasswordSignInResult> {
  const input = ZSignInInput.safeParse({ email: options.email, password: options.password });
  if (!input.success) return fail({ reason: "invalid_input" });
  const { email, password } = input.data;
  const requestId = options.requestId ?? null;
  const { AUTH_MAX_FAILED_SIGN_INS, AUTH_LOCKOUT_MINUTES } = env();

  return runAudited(db, async (tx) => {
    const user = await lockUserByEmail(tx, email);
    // Read the clock only once the row lock is held: a queued attempt must see the latest penalty.
    const now = new Date();
    const target = user ? { type: "user", id: user.id } : undefined;
    const failed = (reason: TFailureReason) =>
      recordAuditEvent(tx, { type: "anonymous", id: null, label: email, requestId }, {
        action: "auth.sign_in.failed",
        target,
        data: { method: "password", email, reason },
      });

    if (!user) {
      await verifyPassword({ hash: null, password });
      await failed("unknown_user");
      return fail({ reason: "invalid_credentials" });
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await failed("locked");
      return fail({ reason: "locked", retryAt: user.lockedUntil });
    }
    if (user.nextAttemptAt && user.nextAttemptAt > now) {
      await failed("throttled");
      return fail({ reason: "throttled", retryAt: user.nextAttemptAt });
    }
    if (!(await verifyPassword({ hash: user.passwordHash, password }))) {
      if (!user.passwordHash) {
        await failed("no_password");
        return fail({ reason: "invalid_credentials" });
      }
      // The row lock makes this read-modify-write safe: no concurrent attempt can interleave.
      const failedSignIns = user.failedSignIns + 1;
      const penalty = computeSignInPenalty({ failedSignIns, now, maxFailures: AUTH_MAX_FAILED_SIGN_INS, lockoutMinutes: AUTH_LOCKOUT_MINUTES });
      // Sign-in bookkeeping keeps updatedAt, the profile's version for admins' edits.
      await tx.user.update({ where: { id: user.id }, data: { failedSignIns, ...penalty, updatedAt: user.updatedAt } });
      await failed("bad_password");
      if (!penalty.lockedUntil) return fail({ reason: "invalid_credentials" });
      const system: TAuditActor = { type: "system", id: null, label: "sign-in lockout", requestId };
      await recordAuditEvent(tx, system, {
        action: "auth.account.locked",
        target: { type: "user", id: user.id },
        data: { failedSignIns, lockedUntil: penalty.lockedUntil.toISOString() },
      });
      return fail({ reason: "locked", retryAt: penalty.lockedUntil });
    }
    if (user.disabled) {
      // Said only to someone who knows the password, so it reveals nothing to a guesser.
      await failed("disabled");
      return fail({ reason: "disabled" });
    }
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, nextAttemptAt: null, lockedUntil: null, lastSignInAt: now, updatedAt: user.updatedAt },
    });
    await recordAuditEvent(tx, { type: "user", id: user.id, label: user.email, requestId }, {
      action: "auth.sign_in.succeeded",
      target: { type: "user", id: user.id },
      data: { method: "password" },
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles } };
  });
}
