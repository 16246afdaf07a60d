import "server-only";
import { ZPolicyDiff, ZPolicyProposal, type TPolicyDetail } from "@/lib/contracts/policies";
import { db } from "../../db/client";
import { notFound } from "../../errors";
import { POLICY_SELECT, toPolicyView } from "./policy-view";

/** A policy with its version history (newest first) and the change requests awaiting review. */
export async function getPolicy(options: { id: string }): Promise<TPolicyDetail> {
  const row = await db.policy.findUnique({
    where: { id: options.id },
    select: {
      ...POLICY_SELECT,
      versions: { select: { version: true, text: true, createdAt: true }, orderBy: { version: "desc" } },
    },
  });
  if (!row) throw notFound("The policy");
  const changes = await db.changeRequest.findMany({
    where: { policyId: row.id, status: { in: ["PENDING", "APPROVED"] } },
    select: {
      id: true,
      status: true,
      summary: true,
      baseVersion: true,
      diff: true,
      createdAt: true,
      requestedBy: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const latest = await db.changeRequest.findFirst({
    where: { policyId: row.id },
    orderBy: { createdAt: "desc" },
    select: { proposed: true },
  });
  const latestProposal = ZPolicyProposal.safeParse(latest?.proposed);
  // An approved change made the version after its base (one pending change per policy at a time).
  const approvedFrom = new Map(changes.filter((c) => c.status === "APPROVED").map((c) => [c.baseVersion + 1, c.id]));
  return {
    ...toPolicyView(row),
    versions: row.versions.map((v) => ({
      version: v.version,
      text: v.text,
      createdAt: v.createdAt.toISOString(),
      changeRequestId: approvedFrom.get(v.version) ?? null,
    })),
    pendingChanges: changes
      .filter((c) => c.status === "PENDING")
      .map((c) => {
        const diff = ZPolicyDiff.safeParse(c.diff);
        return {
          id: c.id,
          status: c.status,
          summary: c.summary,
          baseVersion: c.baseVersion,
          requestedBy: c.requestedBy,
          createdAt: c.createdAt.toISOString(),
          diff: diff.success ? diff.data : null,
        };
      }),
    latestProposal: latestProposal.success ? latestProposal.data : null,
  };
}
