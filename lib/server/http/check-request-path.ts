import "server-only";
import { AppError } from "../errors";

/**
 * Refuses a path that is not valid percent-encoding (`/api/v1/workflows/%E0%A4%A`) before it
 * reaches Next, whose router fails on it with a plain-text 500.
 */
export function checkRequestPath(target: string): void {
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (!path.includes("%")) return;
  try {
    decodeURIComponent(path);
  } catch {
    throw new AppError("bad_request", "The path is not valid percent-encoding; encode each segment with encodeURIComponent (UTF-8)");
  }
}
