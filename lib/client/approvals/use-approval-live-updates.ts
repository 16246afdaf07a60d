import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { streamApprovalQueueOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { apiPath } from "../api-path";
import { approvalKeys } from "./keys";

/** How often lists refetch while the live stream is down. */
export const APPROVAL_FALLBACK_REFRESH_MS = 5_000;

/**
 * Keeps every approval query fresh without a reload: the server's event stream says when a request
 * was created or changed, and the cache refetches. Returns whether the stream is up; while it is
 * not, callers poll instead.
 */
export function useApprovalLiveUpdates(): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(apiPath(streamApprovalQueueOperation));
    const refresh = () => void queryClient.invalidateQueries({ queryKey: approvalKeys.all() });
    source.onopen = () => {
      setLive(true);
      // Anything that changed while the stream was down was not announced.
      refresh();
    };
    source.onerror = () => setLive(false);
    source.addEventListener("approval", refresh);
    source.addEventListener("resync", refresh);
    return () => source.close();
  }, [queryClient]);
  return { live };
}
