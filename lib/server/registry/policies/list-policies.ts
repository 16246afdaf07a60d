import "server-only";
import type { TPolicyList } from "@/lib/contracts/policies";
import { db } from "../../db/client";
import { POLICY_SELECT, toPolicyView } from "./policy-view";

/** Every custom policy, by key, drafts awaiting their first review included. */
export async function listPolicies(): Promise<TPolicyList> {
  const rows = await db.policy.findMany({ select: POLICY_SELECT, orderBy: { key: "asc" } });
  return { items: rows.map(toPolicyView) };
}
