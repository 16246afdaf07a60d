import "server-only";
import type { TAuditActor, TAuditEvent } from "@/lib/contracts/audit";
import { ZSignInInput } from "@/lib/contracts/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { runAudited } from "../audit/run-audited";
import { db, type TTx } from "../db/client";
import type { TSessionUser } from "../authz/principal";
import { countSignInFailure } from "./count-sign-in-failure";
import { verifyPassword } from "./password";
import { signInThrottleKeys, type TThrottleScope } from "./sign-in-throttle-keys";
import { startSession } from "./start-session";

export type TPasswordSignInFailure =
  { reason: "invalid_input" | "invalid_credentials" | "disabled" } | { reason: "throttled" | "account_throttled"; retryAt: Date };
export type TPasswordSignInResult = { ok: true; user: TSessionUser; sessionId: string } | { ok: false; failure: TPasswordSignInFailure };

type TFailureReason = Extract<TAuditEvent, { action: "auth.sign_in.failed" }>["data"]["reason"];

// Two-key advisory locks live apart from the one-key locks the audit chain uses.
const SIGN_IN_ADDRESS_LOCK = 7_237;
const SIGN_IN_EMAIL_LOCK = 7_238;

const fail = (failure: TPasswordSignInFailure): TPasswordSignInResult => ({ ok: false, failure });

/** The latest block among the attempt's counters still in force, if any. */
async function activeBlock(tx: TTx, keys: { scope: TThrottleScope; key: string }[], now: Date) {
  const rows = await tx.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } } });
  const latest = rows.sort((a, b) => (b.blockedUntil?.getTime() ?? 0) - (a.blockedUntil?.getTime() ?? 0))[0];
  if (!latest?.blockedUntil) return null;
  const scope = keys.find((k) => k.key === latest.key)?.scope ?? "address";
  return { scope, until: latest.blockedUntil };
}

/**
 * Checks an email and password from a client address. Failed attempts are counted per address, per
 * account and per account+address (unknown emails exactly like registered ones), and a counter
 * past its limit refuses before any password is checked: a stranger is slowed from their address
 * while the owner still signs in from theirs. Every outcome is audited in the transaction that
 * moves the counters; a success opens the server-side session in that same transaction.
 */
export async function signInWithPassword(options: {
  email: string;
  password: string;
  address: string;
  requestId?: string | null;
}): Promise<TPasswordSignInResult> {
  const input = ZSignInInput.safeParse({ email: options.email, password: options.password });
  if (!input.success) return fail({ reason: "invalid_input" });
  const { email, password } = input.data;
  const { address } = options;
  const requestId = options.requestId ?? null;
  const keys = signInThrottleKeys({ email, address });

  return runAudited(db, async (tx) => {
    // One attempt at a time per address, then per email (always in that order: no deadlock), so
    // parallel guesses cannot all pass the check before any of them is counted.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_ADDRESS_LOCK}::int, hashtext(${address}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_EMAIL_LOCK}::int, hashtext(${email}))`;
    // Read the clock only once the locks are held: a queued attempt must see the latest counts.
    const now = new Date();
    const failed = (reason: TFailureReason, userId?: string) =>
      recordAuditEvent(
        tx,
        { type: "anonymous", id: null, label: email, requestId },
        {
          action: "auth.sign_in.failed",
          target: userId ? { type: "user", id: userId } : undefined,
          data: { method: "password", email, reason },
        },
      );

    const block = await activeBlock(tx, keys, now);
    if (block) {
      // Refused before the email is even looked up, so a registered and an unknown email get the same answer.
      await failed("throttled");
      return fail({ reason: block.scope === "account" ? "account_throttled" : "throttled", retryAt: block.until });
    }

    const user = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, omit: { passwordHash: false } });
    if (!(await verifyPassword({ hash: user?.passwordHash ?? null, password }))) {
      await failed(!user ? "unknown_user" : user.passwordHash ? "bad_password" : "no_password", user?.id);
      const system: TAuditActor = { type: "system", id: null, label: "sign-in throttle", requestId };
      await countSignInFailure({ tx, keys, now, actor: system, email, address, userId: user?.id ?? null });
      return fail({ reason: "invalid_credentials" });
    }
    if (!user) return fail({ reason: "invalid_credentials" });
    if (user.disabled) {
      // Said only to someone who knows the password, so it reveals nothing to a guesser.
      await failed("disabled", user.id);
      return fail({ reason: "disabled" });
    }
    // A success clears this email's delay from this address only: the address and account
    // ceilings keep counting, so one known password cannot reset a guesser's budget.
    await tx.signInThrottle.deleteMany({ where: { key: keys.find((k) => k.scope === "account_address")?.key ?? "" } });
    // Sign-in bookkeeping keeps updatedAt, the profile's version for admins' edits.
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, updatedAt: user.updatedAt } });
    const sessionId = await startSession({ tx, userId: user.id, method: "password", now });
    await recordAuditEvent(
      tx,
      { type: "user", id: user.id, label: user.email, requestId },
      {
        action: "auth.sign_in.succeeded",
        target: { type: "user", id: user.id },
        data: { method: "password" },
      },
    );
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, sessionId };
  });
}
