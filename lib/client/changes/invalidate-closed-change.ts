import type { QueryClient } from "@tanstack/react-query";
import { permissionKeys } from "../permissions/keys";
import { queryKeys } from "../query-keys";
import { workflowKeys } from "../workflows/keys";
import { changeKeys } from "./keys";

/** After a change request is approved, rejected or withdrawn: the queues, whatever it may have applied to, and the audit log. */
export async function invalidateClosedChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: changeKeys.all() }),
    queryClient.invalidateQueries({ queryKey: permissionKeys.all() }),
    queryClient.invalidateQueries({ queryKey: workflowKeys.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  ]);
}
