import type { ApiError } from "@/lib/client/api-error";
import { Alert } from "./alert";

/** A background refetch failed: what is shown may be stale, so say so and give the reference. */
export function RefreshError({ error, title = "Could not refresh the list" }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert tone="error" title={title} reference={error.requestId}>
      {error.detail}
    </Alert>
  );
}
