import "server-only";
import { z } from "zod";
import { AppError } from "../errors";

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

/** Keyset pagination over (a timestamp, id): stable while requests arrive and leave. */
export const encodeApprovalCursor = (row: { at: Date; id: string }) =>
  Buffer.from(JSON.stringify({ at: row.at.toISOString(), id: row.id })).toString("base64url");

export function decodeApprovalCursor(cursor: string): { at: Date; id: string } {
  try {
    const parsed = ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this list gave out", [
      { path: "query.cursor", message: "Use the nextCursor of the previous page, or leave it out to start over" },
    ]);
  }
}
