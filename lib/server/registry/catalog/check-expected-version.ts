import "server-only";
import type { TTx } from "../../db/client";
import { conflict } from "../../errors";
import { describeCatalogChangesSince } from "./describe-catalog-changes-since";

/**
 * Refuses an edit made against an older version of a catalog entry, saying what changed since
 * (from the audit log), so the editor can redo their change on the current values.
 */
export async function checkExpectedVersion(options: {
  tx: TTx;
  label: string;
  targetType: "data_class" | "model" | "tool";
  targetId: string;
  updatedAt: Date;
  expectedUpdatedAt: string;
}): Promise<void> {
  const since = new Date(options.expectedUpdatedAt);
  if (options.updatedAt.getTime() === since.getTime()) return;
  const happened = await describeCatalogChangesSince({ tx: options.tx, targetType: options.targetType, targetId: options.targetId, since });
  const what = happened.length ? ` Since then: ${happened.join("; ")}.` : "";
  throw conflict(
    `${options.label} was changed at ${options.updatedAt.toISOString()}, after the version you edited (${since.toISOString()}).${what} Reload and apply your change again.`,
  );
}
