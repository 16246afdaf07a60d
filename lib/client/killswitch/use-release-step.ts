import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZKillSwitchView, type TKillSwitchView } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { invalidateKillSwitches } from "./keys";

export type TReleaseStep = "request" | "confirm" | "withdraw";

const CALL: Record<TReleaseStep, { path: string; method: "POST" | "DELETE" }> = {
  request: { path: "release-request", method: "POST" },
  confirm: { path: "release", method: "POST" },
  withdraw: { path: "release-request", method: "DELETE" },
};

/** One step of the two-person release: request it, confirm someone else's request, or withdraw your own. */
export function useReleaseStep(step: TReleaseStep) {
  const queryClient = useQueryClient();
  const { path, method } = CALL[step];
  return useMutation<TKillSwitchView, ApiError, { id: string; reason?: string }>({
    mutationFn: ({ id, reason }) =>
      apiFetch(`/api/v1/killswitch/${encodeURIComponent(id)}/${path}`, { method, body: method === "POST" ? { reason } : undefined, schema: ZKillSwitchView }),
    // On a conflict too: the other Security person may have acted first.
    onSettled: () => invalidateKillSwitches(queryClient),
  });
}
