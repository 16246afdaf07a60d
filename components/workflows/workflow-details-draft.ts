import type { TUpdateWorkflow, TWorkflowDetail } from "@/lib/contracts/workflows";

/** The fields the details form shows; a server problem on any other field is listed in the alert. */
export const DETAIL_FIELDS = ["name", "purpose", "runbook", "approvalTimeoutMinutes", "environment", "ownerId"];

export function detailValuesOf(w: TWorkflowDetail) {
  return {
    name: w.name,
    purpose: w.purpose,
    runbook: w.runbook,
    approvalTimeoutMinutes: String(w.approvalTimeoutMinutes),
    environment: w.environment,
    ownerId: w.owner.id,
  };
}
export type TDetailValues = ReturnType<typeof detailValuesOf>;

const detailsOf = (w: TWorkflowDetail) => JSON.stringify({ ...detailValuesOf(w), status: w.status });

/** The values as typed, the version they were opened from, and the line shown above the form. */
export type TDetailsDraft = { base: TWorkflowDetail; values: TDetailValues; notice: string | null };

export type TDetailsAction =
  | { type: "edit"; field: keyof TDetailValues; value: string }
  | { type: "startFrom"; workflow: TWorkflowDetail }
  | { type: "notice"; notice: string | null }
  | { type: "saved"; saved: TWorkflowDetail };

export function initialDetailsDraft(workflow: TWorkflowDetail): TDetailsDraft {
  return { base: workflow, values: detailValuesOf(workflow), notice: null };
}

export function detailsDraftReducer(state: TDetailsDraft, action: TDetailsAction): TDetailsDraft {
  switch (action.type) {
    case "edit":
      return { ...state, values: { ...state.values, [action.field]: action.value } };
    case "startFrom":
      return { ...state, base: action.workflow, values: detailValuesOf(action.workflow) };
    case "notice":
      return { ...state, notice: action.notice };
    case "saved":
      return { base: action.saved, values: detailValuesOf(action.saved), notice: `Saved (version ${action.saved.version}).` };
  }
}

/** Only the fields that differ from the version opened, or null when none does. */
export function detailsChange(values: TDetailValues, base: TWorkflowDetail, current: TWorkflowDetail): TUpdateWorkflow | null {
  const before = detailValuesOf(base);
  // Changes elsewhere on the workflow (its RACI chart, say) don't touch these fields: save onto them.
  const expectedVersion = detailsOf(current) === detailsOf(base) ? current.version : base.version;
  const input: TUpdateWorkflow = { expectedVersion };
  if (values.name.trim() !== before.name) input.name = values.name;
  if (values.purpose.trim() !== before.purpose) input.purpose = values.purpose;
  if (values.runbook.trim() !== before.runbook) input.runbook = values.runbook;
  const minutes = values.approvalTimeoutMinutes.trim();
  // Blank is sent as not-a-number, so the server names the problem instead of keeping the old value.
  if (minutes !== before.approvalTimeoutMinutes) input.approvalTimeoutMinutes = minutes ? Number(minutes) : Number.NaN;
  if (values.environment !== before.environment) input.environment = values.environment;
  if (values.ownerId !== before.ownerId) input.ownerId = values.ownerId;
  return Object.keys(input).length === 1 ? null : input;
}
