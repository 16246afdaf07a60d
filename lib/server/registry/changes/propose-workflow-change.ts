import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TChangeRequestView, TPermissionEditInput } from "@/lib/contracts/changes";
import type { TPermissionChange } from "@/lib/contracts/registry";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { preparePermissionEdit } from "../permissions/prepare-permission-edit";
import { openChangeRequest } from "./open-change-request";
import { readChangeRequestView } from "./read-change-request-view";

const SUMMARY_LINES = 3;
const SUMMARY_MAX = 400;

function summarize(key: string, changes: TPermissionChange[]): string {
  const head = changes.slice(0, SUMMARY_LINES).map((c) => c.text);
  const more = changes.length > SUMMARY_LINES ? `; and ${changes.length - SUMMARY_LINES} more` : "";
  const text = `${changes.length} change${changes.length === 1 ? "" : "s"} to ${key}: ${head.join("; ")}${more}`;
  return text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text;
}

/**
 * Files a permission change to an active or paused workflow for Security's review; nothing about
 * the workflow changes until it is approved. One pending request per workflow at a time.
 */
export async function proposeWorkflowChange(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  edit: TPermissionEditInput;
}): Promise<TChangeRequestView> {
  const { tx, actor, user } = options;
  const { workflow, resolved, changes } = await preparePermissionEdit({ ...options, mode: "propose" });
  const request = await openChangeRequest({
    tx,
    actor,
    requestedById: user.id,
    subject: "WORKFLOW",
    workflowId: workflow.id,
    baseVersion: workflow.version,
    proposed: resolved.set,
    diff: changes,
    summary: summarize(workflow.key, changes),
  });
  return readChangeRequestView({ tx, id: request.id });
}
