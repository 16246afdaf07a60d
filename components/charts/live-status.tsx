import type { ApiError } from "@/lib/client/api-error";
import { LIVE_REFRESH_MS } from "@/lib/client/live-refresh";
import { RefreshError } from "@/components/ui/refresh-error";
import { Timestamp } from "@/components/ui/timestamp";

/** When the figures were made, that they refresh on their own, and a failed refresh with its problem detail. */
export function LiveStatus({ generatedAt, error, fetching }: { generatedAt: string; error: ApiError | null; fetching: boolean }) {
  return (
    <>
      <p className="live-status">
        Updated <Timestamp iso={generatedAt} />
        <span className="muted">
          {" "}
          · refreshes every {LIVE_REFRESH_MS / 1000} seconds while this tab is open{fetching ? " · refreshing…" : ""}
        </span>
      </p>
      <RefreshError error={error} title="Could not refresh these figures; showing the last ones" />
    </>
  );
}
