import "server-only";
import type { TPolicyProposal, TPolicyView } from "@/lib/contracts/policies";

export const POLICY_SELECT = {
  id: true,
  key: true,
  name: true,
  description: true,
  text: true,
  version: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
  changes: { where: { status: "PENDING" }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 },
} as const;

export type TPolicyRow = {
  id: string;
  key: string;
  name: string;
  description: string;
  text: string;
  version: number;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string; email: string };
  changes: { id: string }[];
};

export function toPolicyView(row: TPolicyRow): TPolicyView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    text: row.text,
    version: row.version,
    enabled: row.enabled,
    state: row.version === 0 ? "draft" : row.enabled ? "enabled" : "disabled",
    createdBy: row.createdBy,
    pendingChangeRequestId: row.changes[0]?.id ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A policy as its proposals and audit records describe it. */
export const policyProposalOf = (row: {
  key: string;
  name: string;
  description: string;
  text: string;
  enabled: boolean;
}): TPolicyProposal => ({
  key: row.key,
  name: row.name,
  description: row.description,
  text: row.text,
  enabled: row.enabled,
});
