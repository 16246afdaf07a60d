import "server-only";
import type { TPermission } from "@/lib/contracts/permissions";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TSessionUser } from "./principal";
import { db } from "../db/client";
import { actorOf } from "./principal";
import { runAudited } from "../audit/run-audited";

/** A refusal is evidence too: who tried what, without the permission for it. */
export async function recordAccessDenied(options: {
  user: TSessionUser;
  permission: TPermission;
  resource: string;
  requestId: string | null;
}) {
  await runAudited(db, (tx) =>
    recordAuditEvent(tx, actorOf({ kind: "user", user: options.user }, options.requestId), {
      action: "access.denied",
      data: { permission: options.permission, resource: options.resource },
    }),
  );
}
