import "server-only";
import { z } from "zod";
import type { TAuditActor, TAuditEvent } from "@/lib/contracts/audit";
import { ZEmail } from "@/lib/contracts/auth";
import { ROLES, type TRole } from "@/lib/contracts/roles";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";
import type { TSessionUser } from "../authz/principal";
import { parseOidcRoleMap } from "./parse-oidc-role-map";
import { resolveOidcRoles } from "./resolve-oidc-roles";
import { startSession } from "./start-session";
import { runAudited } from "../audit/run-audited";

export type TOidcSignInFailure = { reason: "invalid_profile" | "no_role" | "email_unverified" | "oidc_conflict" | "disabled" };
export type TOidcSignInResult = { ok: true; user: TSessionUser; sessionId: string } | { ok: false; failure: TOidcSignInFailure };

type TFailureReason = Extract<TAuditEvent, { action: "auth.sign_in.failed" }>["data"]["reason"];

const ZOidcClaims = z.looseObject({
  sub: z.string().min(1),
  email: ZEmail,
  name: z.string().optional().catch(undefined),
  email_verified: z.unknown().optional(),
});

// Two-key advisory locks live apart from the one-key locks the audit chain uses.
const OIDC_SUBJECT_LOCK = 7_236;
const SYSTEM: TAuditActor = { type: "system", id: null, label: "oidc sign-in" };

const sameRoles = (a: readonly TRole[], b: readonly TRole[]) => ROLES.every((r) => a.includes(r) === b.includes(r));

/**
 * Signs in a person whose identity provider vouched for `claims` (already verified by the OIDC
 * client). Roles come only from the provider's role claim through OIDC_ROLE_MAP; a person it maps
 * to no role is refused. Finds the user by subject, else links the user with the same email, else
 * creates one; every change, the outcome and the new server-side session share one transaction.
 */
export async function signInWithOidc(options: { claims: unknown; requestId?: string | null }): Promise<TOidcSignInResult> {
  const requestId = options.requestId ?? null;
  const parsed = ZOidcClaims.safeParse(options.claims);
  const rawEmail = (options.claims as { email?: unknown } | null)?.email;
  const email = parsed.success ? parsed.data.email : typeof rawEmail === "string" ? rawEmail.slice(0, 320) : "";
  const { OIDC_ROLE_CLAIM, OIDC_ROLE_MAP } = env();
  const roles = parsed.success
    ? resolveOidcRoles({ claims: parsed.data, claim: OIDC_ROLE_CLAIM, roleMap: parseOidcRoleMap(OIDC_ROLE_MAP) })
    : [];

  return runAudited(db, async (tx) => {
    const failed = async (reason: TFailureReason & TOidcSignInFailure["reason"], userId?: string): Promise<TOidcSignInResult> => {
      await recordAuditEvent(
        tx,
        { type: "anonymous", id: null, label: email || "unknown", requestId },
        {
          action: "auth.sign_in.failed",
          target: userId ? { type: "user", id: userId } : undefined,
          data: { method: "oidc", email, reason },
        },
      );
      return { ok: false, failure: { reason } };
    };
    if (!parsed.success) return failed("invalid_profile");
    if (roles.length === 0) return failed("no_role");
    const { sub, name } = parsed.data;

    // Serialises first sign-ins of the same person, so two tabs cannot both create the user.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OIDC_SUBJECT_LOCK}::int, hashtext(${sub}))`;
    let user = await tx.user.findUnique({ where: { oidcSubject: sub } });
    if (!user) {
      const verified = parsed.data.email_verified;
      // Only a provider that vouches for the email may claim (or create) the account that owns it.
      if (verified === false || verified === "false") return failed("email_unverified");
      user = await tx.user.findFirst({ where: { email: { equals: email, mode: "insensitive" } } });
      if (user?.oidcSubject) return failed("oidc_conflict", user.id);
    }
    if (user?.disabled) return failed("disabled", user.id);

    const now = new Date();
    if (!user) {
      user = await tx.user.create({ data: { email, name: name?.trim() || email, oidcSubject: sub, roles, lastSignInAt: now } });
      await recordAuditEvent(tx, SYSTEM, {
        action: "user.created",
        target: { type: "user", id: user.id },
        data: { email, name: user.name, roles, source: "oidc" },
      });
    } else {
      const linking = user.oidcSubject !== sub;
      const rolesChanged = !sameRoles(user.roles, roles);
      const before = ROLES.filter((r) => user?.roles.includes(r));
      // updatedAt is the profile's version for admins' edits: a sign-in alone does not move it.
      const profileChanged = linking || rolesChanged;
      user = await tx.user.update({
        where: { id: user.id },
        data: { oidcSubject: sub, roles, lastSignInAt: now, ...(profileChanged ? {} : { updatedAt: user.updatedAt }) },
      });
      const target = { type: "user", id: user.id };
      if (linking) await recordAuditEvent(tx, SYSTEM, { action: "user.oidc.linked", target, data: { subject: sub } });
      if (rolesChanged) await recordAuditEvent(tx, SYSTEM, { action: "user.roles.changed", target, data: { before, after: roles } });
    }
    const sessionId = await startSession({ tx, userId: user.id, method: "oidc", now });
    await recordAuditEvent(
      tx,
      { type: "user", id: user.id, label: user.email, requestId },
      {
        action: "auth.sign_in.succeeded",
        target: { type: "user", id: user.id },
        data: { method: "oidc" },
      },
    );
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles }, sessionId };
  });
}
