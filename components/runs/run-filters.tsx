import Link from "next/link";
import { DEFAULT_RUN_WINDOW, RUN_STATUSES, ZRunWindow, type TWorkflowRunsQueryInput } from "@/lib/contracts/runs";
import { RUN_STATUS_LABELS, WINDOW_LABELS } from "./labels";
import { SelectFilter } from "./select-filter";

/** A plain GET form: the filters live in the address. */
export function RunFilters({ workflowId, query }: { workflowId: string; query: TWorkflowRunsQueryInput }) {
  const action = `/workflows/${encodeURIComponent(workflowId)}/runs`;
  return (
    <form className="run-filters" method="get" action={action} aria-label="Filter runs">
      <SelectFilter
        id="run-status"
        name="status"
        label="Status"
        value={query.status ?? ""}
        options={RUN_STATUSES}
        labelOf={(status) => RUN_STATUS_LABELS[status].text}
        any
      />
      <SelectFilter
        id="run-window"
        name="window"
        label="Started"
        value={query.window ?? DEFAULT_RUN_WINDOW}
        options={ZRunWindow.options}
        labelOf={(w) => WINDOW_LABELS[w]}
      />
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
