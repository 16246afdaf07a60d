import "server-only";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { AppError } from "../../errors";

/**
 * Runs independent checks and reports every field problem they find at once, so a form shows all
 * of its mistakes in one round trip; anything but a validation failure is rethrown as it is.
 */
export async function collectProblems<T extends readonly unknown[]>(checks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const problems: TFieldProblem[] = [];
  const values: unknown[] = [];
  // In turn, not in parallel: inside a transaction they share one connection.
  for (const check of checks) {
    try {
      values.push(await check());
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      problems.push(...(error.fieldProblems ?? []));
    }
  }
  if (problems.length) throw new AppError("validation_failed", "The workflow has invalid fields", problems);
  return values as unknown as T;
}
