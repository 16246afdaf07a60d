import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../query-keys";

/** React Query keys for kill switches; every mutation invalidates exactly these. */
export const killSwitchKeys = {
  all: () => ["killswitch"] as const,
  list: (state: "engaged" | "released" | "all") => ["killswitch", "list", state] as const,
};

/** After an engage or a release step: the lists, and the audit log that now holds the step. */
export async function invalidateKillSwitches(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: killSwitchKeys.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  ]);
}
