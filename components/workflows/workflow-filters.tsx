import Link from "next/link";
import { ZApprovalTier, ZEnvironment, ZSensitivity, ZWorkflowStatus } from "@/lib/contracts/registry-enums";
import type { TPerson, TWorkflowListQuery } from "@/lib/contracts/workflows";
import { ENVIRONMENT_LABELS, SENSITIVITY_LABELS, STATUS_LABELS } from "./labels";

type TProps = { query: TWorkflowListQuery; owners: TPerson[] | null };

function Select({
  id,
  label,
  name,
  value,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the filters live in the address, so a filtered list can be bookmarked and shared. */
export function WorkflowFilters({ query, owners }: TProps) {
  const active = Boolean(
    query.search ||
    query.status ||
    query.environment ||
    query.ownerId ||
    query.maxSensitivity ||
    query.maxTier ||
    query.halted !== undefined,
  );
  return (
    <form className="workflow-filters" method="get" action="/workflows" aria-label="Filter workflows">
      <div className="field workflow-filters-search">
        <label htmlFor="wf-search">Search</label>
        <input id="wf-search" name="search" type="search" defaultValue={query.search} placeholder="Key or name" />
      </div>
      <Select
        id="wf-status"
        label="Status"
        name="status"
        value={query.status}
        options={ZWorkflowStatus.options.map((s) => [s, STATUS_LABELS[s]])}
      />
      <Select
        id="wf-environment"
        label="Environment"
        name="environment"
        value={query.environment}
        options={ZEnvironment.options.map((e) => [e, ENVIRONMENT_LABELS[e]])}
      />
      {owners ? (
        <Select id="wf-owner" label="Owner" name="ownerId" value={query.ownerId} options={owners.map((o) => [o.id, o.name])} />
      ) : null}
      <Select
        id="wf-sensitivity"
        label="Handles data at least"
        name="maxSensitivity"
        value={query.maxSensitivity}
        options={ZSensitivity.options.map((s) => [s, SENSITIVITY_LABELS[s]])}
      />
      <Select
        id="wf-tier"
        label="Approval tier at least"
        name="maxTier"
        value={query.maxTier}
        options={ZApprovalTier.options.map((t) => [t, t])}
      />
      <div className="field workflow-filters-check">
        <label className="choice" htmlFor="wf-halted">
          <input id="wf-halted" name="halted" type="checkbox" value="true" defaultChecked={query.halted === true} />
          Halted only
        </label>
      </div>
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.order ? <input type="hidden" name="order" value={query.order} /> : null}
      {query.pageSize ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
      <div className="form-actions">
        <button className="button" type="submit">
          Apply
        </button>
        {active ? (
          <Link className="button button-quiet" href="/workflows">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
