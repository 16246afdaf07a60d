import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../query-keys";
import { webhookKeys } from "./keys";

/** Every webhook change moves endpoint counts or the delivery log, and adds an audit event. */
export async function invalidateWebhooks(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.all() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all() }),
  ]);
}
