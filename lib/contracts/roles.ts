import { z } from "zod";

export const ROLES = ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ROLE_LABELS: Record<TRole, string> = {
  ADMIN: "Administrator",
  SECURITY: "Security lead",
  APPROVER: "Approver",
  OWNER: "Workflow owner",
  AUDITOR: "Auditor",
};
