import { useQuery } from "@tanstack/react-query";
import { ZKillSwitchList, type TKillSwitchList } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { killSwitchKeys } from "./keys";

/** Engaged switches and the released history (killswitch:read). */
export function useKillSwitches(options: { initialData?: TKillSwitchList }) {
  return useQuery<TKillSwitchList, ApiError>({
    queryKey: killSwitchKeys.list("all"),
    queryFn: ({ signal }) => apiFetch("/api/v1/killswitch", { query: { state: "all" }, schema: ZKillSwitchList, signal }),
    initialData: options.initialData,
  });
}
