import { useQuery } from "@tanstack/react-query";
import { listKillSwitchesOperation } from "@/lib/contracts/api-catalog/killswitch-operations";
import { ZKillSwitchList, type TKillSwitchList } from "@/lib/contracts/killswitch";
import type { ApiError } from "../api-error";
import { apiFetch } from "../api-fetch";
import { apiPath } from "../api-path";
import { killSwitchKeys } from "./keys";

/** Engaged switches and the released history (killswitch:read). */
export function useKillSwitches(options: { initialData?: TKillSwitchList }) {
  return useQuery<TKillSwitchList, ApiError>({
    queryKey: killSwitchKeys.list("all"),
    queryFn: ({ signal }) => apiFetch(apiPath(listKillSwitchesOperation), { query: { state: "all" }, schema: ZKillSwitchList, signal }),
    initialData: options.initialData,
  });
}
