import type { TAuditEventsQuery } from "@/lib/contracts/audit";

export type TAuditFilters = Pick<TAuditEventsQuery, "action" | "actor" | "target">;

/** Every React Query key in one place, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  users: {
    all: () => ["users"] as const,
    list: (search = "") => ["users", "list", { search }] as const,
  },
  audit: {
    all: () => ["audit"] as const,
    events: (filters: TAuditFilters = {}) => ["audit", "events", filters] as const,
  },
};
