import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  confirmKillSwitchReleaseOperation,
  requestKillSwitchReleaseOperation,
  withdrawKillSwitchReleaseOperation,
} from "@/lib/contracts/api-catalog/killswitch-operations";
import { ZKillSwitchView, type TKillSwitchView } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateKillSwitches } from "./keys";

export type TReleaseStep = "request" | "confirm" | "withdraw";

const OPERATION = {
  request: requestKillSwitchReleaseOperation,
  confirm: confirmKillSwitchReleaseOperation,
  withdraw: withdrawKillSwitchReleaseOperation,
} as const;

/** One step of the two-person release: request it, confirm someone else's request, or withdraw your own. */
export function useReleaseStep(step: TReleaseStep) {
  const queryClient = useQueryClient();
  const operation = OPERATION[step];
  return useMutation<TKillSwitchView, ApiError, { id: string; reason?: string }>({
    mutationFn: ({ id, reason }) =>
      apiFetch(apiPath(operation, { id }), {
        method: operation.method,
        body: "body" in operation ? { reason } : undefined,
        schema: ZKillSwitchView,
      }),
    // On a conflict too: the other Security person may have acted first.
    onSettled: () => invalidateKillSwitches(queryClient),
  });
}
