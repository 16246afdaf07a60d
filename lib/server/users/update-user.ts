import "server-only";
import type { TAuditActor, TAuditEvent } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import type { TUpdateUserInput, TUserView } from "@/lib/contracts/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endUserSessions } from "../auth/end-user-sessions";
import type { TTx } from "../db/client";
import { AppError, conflict, notFound } from "../errors";
import { describeUserChangesSince } from "./describe-user-changes-since";
import { lockActiveAdmins } from "./lock-active-admins";
import { lockUser } from "./lock-user";
import { USER_VIEW_SELECT, viewUsers, type TUserRow } from "./user-view";

type TChanges = Extract<TAuditEvent, { action: "user.updated" }>["data"]["changes"];

const sameRoles = (a: readonly TRole[], b: readonly TRole[]) => a.length === b.length && a.every((role) => b.includes(role));
const isActiveAdmin = (user: { roles: readonly TRole[]; disabled: boolean }) => user.roles.includes("ADMIN") && !user.disabled;

function changesOf(current: TUserRow, input: TUpdateUserInput): TChanges {
  const changes: TChanges = {};
  if (input.name !== undefined && input.name !== current.name) changes.name = { before: current.name, after: input.name };
  if (input.roles !== undefined && !sameRoles(input.roles, current.roles)) changes.roles = { before: current.roles, after: input.roles };
  if (input.disabled !== undefined && input.disabled !== current.disabled)
    changes.disabled = { before: current.disabled, after: input.disabled };
  return changes;
}

async function staleEdit(tx: TTx, current: TUserRow, since: Date): Promise<AppError> {
  const happened = await describeUserChangesSince({ tx, userId: current.id, since });
  const now = `Now: name "${current.name}", roles ${current.roles.join(", ") || "none"}, ${current.disabled ? "disabled" : "enabled"}.`;
  const what = happened.length ? ` Since then: ${happened.join("; ")}.` : "";
  return conflict(
    `${current.email} was changed at ${current.updatedAt.toISOString()}, after the version you edited (${since.toISOString()}).${what} ${now} Reload and apply your change again.`,
  );
}

/**
 * Changes a user's name, roles or disabled flag, audited as user.updated with before and after.
 * Refuses an edit of a stale version, and any change that would leave no active administrator.
 * Disabling the user or removing any of their roles ends their sessions in the same transaction.
 */
export async function updateUser(options: { tx: TTx; actor: TAuditActor; id: string; input: TUpdateUserInput }): Promise<TUserView> {
  const { tx, actor, id, input } = options;
  // Administrators first, then the target: one lock order for every caller (see lockActiveAdmins).
  const activeAdmins = await lockActiveAdmins({ tx });
  if (!(await lockUser({ tx, id }))) throw notFound("The user");
  const current = await tx.user.findUniqueOrThrow({ where: { id }, select: USER_VIEW_SELECT });

  const expected = new Date(input.expectedUpdatedAt);
  if (current.updatedAt.getTime() !== expected.getTime()) throw await staleEdit(tx, current, expected);

  const changes = changesOf(current, input);
  if (!changes.name && !changes.roles && !changes.disabled) {
    throw new AppError("bad_request", `Nothing to change: ${current.email} already has these values`);
  }
  const after = { roles: changes.roles?.after ?? current.roles, disabled: changes.disabled?.after ?? current.disabled };
  if (isActiveAdmin(current) && !isActiveAdmin(after) && !activeAdmins.some((adminId) => adminId !== id)) {
    const field = changes.roles && !after.roles.includes("ADMIN") ? "roles" : "disabled";
    throw new AppError(
      "conflict",
      `${current.email} is the last active administrator: make another user an administrator before ${field === "roles" ? "removing this one's ADMIN role" : "disabling this account"}`,
      [{ path: field, message: "The last active administrator must keep the ADMIN role and stay enabled" }],
    );
  }

  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, { action: "user.updated", target: { type: "user", id }, data: { changes } });
  const row = await tx.user.update({
    where: { id },
    data: {
      ...(changes.name ? { name: changes.name.after } : {}),
      ...(changes.roles ? { roles: changes.roles.after } : {}),
      ...(changes.disabled ? { disabled: changes.disabled.after } : {}),
    },
    select: USER_VIEW_SELECT,
  });
  const removedRole = changes.roles?.before.some((role) => !changes.roles?.after.includes(role)) ?? false;
  if (changes.disabled?.after || removedRole) {
    await endUserSessions({ tx, actor, userId: id, reason: changes.disabled?.after ? "user_disabled" : "role_removed" });
  }
  const [view] = await viewUsers({ tx, rows: [row] });
  if (!view) throw new Error("viewUsers dropped the updated user");
  return view;
}
