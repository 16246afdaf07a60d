import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import { db } from "../db/client";

export const system: TAuditActor = { type: "system", id: null, label: "users test" };

/** A user inserted directly, as a fixture: the function under test is never its own setup. */
export async function givenUser(options: { roles: TRole[]; disabled?: boolean; email?: string }) {
  return db.user.create({
    data: {
      email: options.email ?? `${randomUUID()}@example.test`,
      name: "Fixture Person",
      roles: options.roles,
      disabled: options.disabled ?? false,
    },
    select: { id: true, email: true, updatedAt: true, roles: true, disabled: true },
  });
}

export async function auditEventsFor(userId: string) {
  return db.auditEvent.findMany({ where: { targetType: "user", targetId: userId }, orderBy: { seq: "asc" } });
}
