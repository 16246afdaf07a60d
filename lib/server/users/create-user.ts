import "server-only";
import { randomUUID } from "node:crypto";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateUserInput, TUserView } from "@/lib/contracts/users";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { Prisma } from "../db/generated/client";
import type { TTx } from "../db/client";
import { AppError } from "../errors";
import { USER_VIEW_SELECT, viewUsers } from "./user-view";

const emailTaken = (email: string) =>
  new AppError("conflict", `A user with the email ${email} already exists`, [{ path: "email", message: "This email is already in use" }]);

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates a person who signs in with a password; audited as user.created in `tx`. */
export async function createUser(options: { tx: TTx; actor: TAuditActor; input: TCreateUserInput }): Promise<TUserView> {
  const { tx, actor, input } = options;
  const existing = await tx.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } });
  if (existing) throw emailTaken(input.email);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  // Recorded before the write, so this event never appears to postdate the version it produces.
  await recordAuditEvent(tx, actor, {
    action: "user.created",
    target: { type: "user", id },
    data: { email: input.email, name: input.name, roles: input.roles, source: "admin" },
  });
  const row = await tx.user
    .create({ data: { id, email: input.email, name: input.name, roles: input.roles, passwordHash }, select: USER_VIEW_SELECT })
    .catch((error: unknown) => {
      // Two creations of one email can both pass the check above; the unique index decides.
      throw isUniqueViolation(error) ? emailTaken(input.email) : error;
    });
  const [view] = await viewUsers({ tx, rows: [row] });
  if (!view) throw new Error("viewUsers dropped the created user");
  return view;
}
