import "server-only";
import { z } from "zod";
import { AppError } from "../errors";

/** A keyset position: an instant and the key that orders rows of the same instant. */
export type TPosition = { at: Date; key: string };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A list's keys are its rows' ids; a timeline's are a source letter and the row's id (see run-timeline-sources). */
export const LIST_KEY = new RegExp(`^${UUID}$`);
export const TIMELINE_KEY = new RegExp(`^(d:${UUID}|e:${UUID}|p:${UUID}:(0|1:${UUID}|2))$`);

const ZCursor = z.object({ at: z.iso.datetime(), key: z.string().max(200) });

export const encodeRunCursor = (position: TPosition) =>
  Buffer.from(JSON.stringify({ at: position.at.toISOString(), key: position.key })).toString("base64url");

/** The position a `nextCursor` names; anything this list did not give out is a 400, never a query. */
export function decodeRunCursor(cursor: string, keys: RegExp): TPosition {
  try {
    const parsed = ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!keys.test(parsed.key)) throw new Error("foreign key");
    return { at: new Date(parsed.at), key: parsed.key };
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this list gave out", [
      { path: "query.cursor", message: "Use the nextCursor of the previous page, or leave it out to start over" },
    ]);
  }
}
