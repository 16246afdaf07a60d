import "server-only";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import type { TTx } from "../../db/client";
import { CHANGE_VIEW_SELECT, toChangeRequestView } from "./change-request-view";

/** A change request as its writers return it, read inside their transaction. */
export async function readChangeRequestView(options: { tx: TTx; id: string }): Promise<TChangeRequestView> {
  const row = await options.tx.changeRequest.findUniqueOrThrow({ where: { id: options.id }, select: CHANGE_VIEW_SELECT });
  return toChangeRequestView(row);
}
