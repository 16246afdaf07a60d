import "server-only";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { ZRaciFunction } from "@/lib/contracts/registry-enums";
import type { TRaciAssignment } from "@/lib/contracts/workflows";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";

export type TCheckedRaci = TRaciAssignment & { email: string };

export const RACI_FUNCTION_LABELS = {
  WORKFLOW_OWNER: "workflow owner",
  DATA_OWNER: "data owner",
  PLATFORM_OWNER: "platform owner",
  SECURITY: "security",
} as const;

/**
 * Refuses a RACI chart, field by field, unless it names enabled people, each once per function,
 * with exactly one Accountable; `requireAllFunctions` (a live workflow) also needs every function filled.
 */
export async function checkRaci(options: {
  tx: TTx;
  assignments: readonly TRaciAssignment[];
  requireAllFunctions: boolean;
  at: string;
}): Promise<TCheckedRaci[]> {
  const { tx, assignments, at } = options;
  const people = await tx.user.findMany({
    where: { id: { in: [...new Set(assignments.map((a) => a.userId))] }, disabled: false },
    select: { id: true, email: true },
  });
  const emails = new Map(people.map((p) => [p.id, p.email]));
  const problems: TFieldProblem[] = [];
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    if (!emails.has(a.userId)) problems.push({ path: `${at}.${i}.userId`, message: "No enabled user has this id" });
    const pair = `${a.userId}/${a.function}`;
    if (seen.has(pair)) {
      problems.push({ path: `${at}.${i}.function`, message: `This person is already in the ${RACI_FUNCTION_LABELS[a.function]} function` });
    }
    seen.add(pair);
  });
  const accountable = assignments.filter((a) => a.role === "ACCOUNTABLE").length;
  if (accountable !== 1) {
    problems.push({
      path: at,
      message: `Name exactly one Accountable person for the workflow (there ${accountable === 0 ? "is none" : `are ${accountable}`})`,
    });
  }
  if (options.requireAllFunctions) {
    const empty = ZRaciFunction.options.filter((f) => !assignments.some((a) => a.function === f));
    if (empty.length) {
      problems.push({
        path: at,
        message: `A live workflow needs someone in every function; nobody is in: ${empty.map((f) => RACI_FUNCTION_LABELS[f]).join(", ")}`,
      });
    }
  }
  if (problems.length) throw new AppError("validation_failed", "The RACI chart has problems", problems);
  return assignments.map((a) => ({ ...a, email: emails.get(a.userId) ?? "" }));
}
