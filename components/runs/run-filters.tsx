import Link from "next/link";
import { DEFAULT_RUN_WINDOW, RUN_STATUSES, ZRunWindow, type TWorkflowRunsQueryInput } from "@/lib/contracts/runs";
import { RUN_STATUS_LABELS, WINDOW_LABELS } from "./labels";

/** A plain GET form: the filters live in the address. */
export function RunFilters({ workflowId, query }: { workflowId: string; query: TWorkflowRunsQueryInput }) {
  const action = `/workflows/${encodeURIComponent(workflowId)}/runs`;
  return (
    <form className="run-filters" method="get" action={action} aria-label="Filter runs">
      <div className="field">
        <label htmlFor="run-status">Status</label>
        <select id="run-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any</option>
          {RUN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {RUN_STATUS_LABELS[s].text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="run-window">Started</label>
        <select id="run-window" name="window" defaultValue={query.window ?? DEFAULT_RUN_WINDOW}>
          {ZRunWindow.options.map((w) => (
            <option key={w} value={w}>
              {WINDOW_LABELS[w]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button className="button" type="submit">
          Apply
        </button>
        {query.status || query.window ? (
          <Link className="button button-quiet" href={action}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
