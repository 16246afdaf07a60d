import "server-only";
import { AppError } from "../errors";

/** For console pages: a reader's not_found becomes null (the page renders its 404); anything else still throws. */
export async function nullIfNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
