import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZKillSwitchView, type TEngageKillSwitch, type TKillSwitchView } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateKillSwitches } from "./keys";

export function useEngageKillSwitch() {
  const queryClient = useQueryClient();
  return useMutation<TKillSwitchView, ApiError, TEngageKillSwitch>({
    mutationFn: (input) => apiFetch("/api/v1/killswitch", { method: "POST", body: input, schema: ZKillSwitchView }),
    // On a conflict too: someone else may have engaged it first.
    onSettled: () => invalidateKillSwitches(queryClient),
  });
}
