import "server-only";
import { z } from "zod";
import type { TChangeRequestList, TChangesQueryInput } from "@/lib/contracts/changes";
import { db, type TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { CHANGE_VIEW_SELECT, toChangeRequestView } from "./change-request-view";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * Change requests within `scope`, filtered: pending ones first, oldest first (a queue), then the
 * decided ones, newest first (a record).
 */
export async function listChangeRequests(options: {
  tx?: TTx;
  scope: Prisma.ChangeRequestWhereInput;
  query: TChangesQueryInput;
}): Promise<TChangeRequestList> {
  const { scope, query } = options;
  const tx = options.tx ?? db;
  const asOf = new Date();
  const workflow = query.workflow ? (isUuid(query.workflow) ? { workflowId: query.workflow } : { workflow: { key: query.workflow } }) : {};
  const where: Prisma.ChangeRequestWhereInput = { AND: [scope, query.subject ? { subject: query.subject } : {}, workflow] };
  const find = (status: Prisma.ChangeRequestWhereInput, order: "asc" | "desc") =>
    tx.changeRequest.findMany({
      where: { AND: [where, status] },
      select: CHANGE_VIEW_SELECT,
      orderBy: { createdAt: order },
      take: query.limit,
    });

  const rows = query.status
    ? await find({ status: query.status }, query.status === "PENDING" ? "asc" : "desc")
    : [...(await find({ status: "PENDING" }, "asc")), ...(await find({ status: { not: "PENDING" } }, "desc"))];
  return { changes: rows.map(toChangeRequestView), asOf: asOf.toISOString() };
}
