import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../query-keys";
import { workflowKeys } from "./keys";

/** After any workflow write: its detail, its readiness, and the audit log it added to. */
export async function invalidateWorkflow(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: workflowKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: workflowKeys.readiness(id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  ]);
}
