import { z } from "zod";
import { ZEmail } from "./auth";
import { ROLES, ZRole } from "./roles";

export const MIN_PASSWORD_LENGTH = 12;

const ZName = z.string().trim().min(1, "Enter a name").max(200);
const ZRoles = z
  .array(ZRole)
  .min(1, "Choose at least one role")
  // Stored in the canonical order, once each, so equal sets compare and display equally.
  .transform((roles) => ROLES.filter((role) => roles.includes(role)));

export const ZCreateUser = z.object({
  email: ZEmail,
  name: ZName,
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  roles: ZRoles,
});
export type TCreateUser = z.input<typeof ZCreateUser>;
export type TCreateUserInput = z.output<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    name: ZName.optional(),
    roles: ZRoles.optional(),
    disabled: z.boolean().optional(),
    /** The `updatedAt` the editor saw; a newer row means someone else changed it first. */
    expectedUpdatedAt: z.iso.datetime({ offset: true }),
  })
  .refine((input) => input.name !== undefined || input.roles !== undefined || input.disabled !== undefined, {
    message: "Send at least one of name, roles or disabled",
    path: ["name"],
  });
export type TUpdateUser = z.input<typeof ZUpdateUser>;
export type TUpdateUserInput = z.output<typeof ZUpdateUser>;

export const ZListUsersQuery = z.object({ search: z.string().trim().max(320).optional() });

export const ZUserIdParams = z.object({ id: z.uuid("Not a user id") });

export const ZUserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZRole),
  disabled: z.boolean(),
  /** Signs in through single sign-on only (no password set). */
  ssoOnly: z.boolean(),
  failedSignIns: z.number().int(),
  /** Locked out of password sign-in right now (as of the read). */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUserView = z.infer<typeof ZUserView>;

export const ZUserList = z.object({ users: z.array(ZUserView) });
export type TUserList = z.infer<typeof ZUserList>;

/** What "sign out everywhere" answers: how many open sessions it ended. */
export const ZSessionsEnded = z.object({ sessions: z.number().int() });
export type TSessionsEnded = z.infer<typeof ZSessionsEnded>;
