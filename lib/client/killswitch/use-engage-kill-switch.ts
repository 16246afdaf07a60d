import { useMutation, useQueryClient } from "@tanstack/react-query";
import { engageKillSwitchOperation } from "@/lib/contracts/api-catalog/killswitch-operations";
import { ZEngagedKillSwitch, type TEngageKillSwitch, type TEngagedKillSwitch } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { invalidateKillSwitches } from "./keys";

export function useEngageKillSwitch() {
  const queryClient = useQueryClient();
  return useMutation<TEngagedKillSwitch, ApiError, TEngageKillSwitch>({
    mutationFn: (input) =>
      apiFetch(apiPath(engageKillSwitchOperation), { method: engageKillSwitchOperation.method, body: input, schema: ZEngagedKillSwitch }),
    // On a conflict too: someone else may have engaged it first.
    onSettled: () => invalidateKillSwitches(queryClient),
  });
}
