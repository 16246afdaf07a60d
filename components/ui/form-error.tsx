import type { ApiError } from "@/lib/client/api-error";
import { Alert } from "./alert";

type TProps = {
  error: ApiError | null;
  /** Fields the form shows next to their control; problems with any other field are listed here. */
  fields: readonly string[];
  /** Offered when someone else saved first: start over from the current values. */
  onReload?: () => void;
  conflictTitle?: string;
};

/** A failed save: the server's words, problems the form cannot place, and a way out of a conflict. */
export function FormError({ error, fields, onReload, conflictTitle = "Someone else changed this first" }: TProps) {
  if (!error) return null;
  const stale = error.code === "conflict" && Object.keys(error.fieldErrors).length === 0 && onReload !== undefined;
  return (
    <Alert tone="error" title={stale ? conflictTitle : error.detail} reference={error.status >= 500 ? error.requestId : null}>
      {stale ? <p>{error.detail}</p> : null}
      {error.otherFieldErrors(fields).map((message) => (
        <p key={message}>{message}</p>
      ))}
      {stale ? (
        <button className="button" type="button" onClick={onReload}>
          Load the current values
        </button>
      ) : null}
    </Alert>
  );
}
