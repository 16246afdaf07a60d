import "server-only";
import { z } from "zod";
import type { TChangeRequestView } from "@/lib/contracts/changes";
import { ZPolicyDiff } from "@/lib/contracts/policies";
import { ZPermissionChange } from "@/lib/contracts/registry";
import type { Prisma } from "../../db/generated/client";

const PERSON = { select: { id: true, name: true, email: true } } as const;

export const CHANGE_VIEW_SELECT = {
  id: true,
  subject: true,
  status: true,
  summary: true,
  diff: true,
  proposed: true,
  baseVersion: true,
  reviewReason: true,
  createdAt: true,
  reviewedAt: true,
  workflow: { select: { id: true, key: true, name: true, status: true, environment: true, version: true } },
  policy: { select: { id: true, key: true, name: true, version: true } },
  requestedBy: PERSON,
  reviewedBy: PERSON,
} satisfies Prisma.ChangeRequestSelect;

export type TChangeRow = Prisma.ChangeRequestGetPayload<{ select: typeof CHANGE_VIEW_SELECT }>;

const ZTextLines = z.array(z.union([z.string(), z.object({ text: z.string() })]));

const MARK = { same: " ", added: "+", removed: "-" } as const;

/** One readable line per change, for a workflow's permission diff and a policy's text diff alike. */
export function diffLines(diff: unknown): string[] {
  const permission = z.array(ZPermissionChange).safeParse(diff);
  if (permission.success) return permission.data.map((c) => c.text);
  const policy = ZPolicyDiff.safeParse(diff);
  if (policy.success) {
    return [
      ...policy.data.fields.map((f) => `~ ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`),
      ...policy.data.lines.map((l) => `${MARK[l.op]} ${l.text}`),
    ];
  }
  if (typeof diff === "string") return diff.split("\n");
  const texts = ZTextLines.safeParse(diff);
  if (texts.success) return texts.data.map((t) => (typeof t === "string" ? t : t.text));
  return JSON.stringify(diff, null, 2).split("\n");
}

export function toChangeRequestView(row: TChangeRow): TChangeRequestView {
  const current = row.workflow?.version ?? row.policy?.version ?? row.baseVersion;
  return {
    ...row,
    lines: diffLines(row.diff),
    stale: row.status === "PENDING" && current !== row.baseVersion,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}
