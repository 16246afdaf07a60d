import type { z } from "zod";
import { Alert } from "@/components/ui/alert";

/** Filters in the address that were not understood, each named; the page shows everything instead. */
export function QueryProblems({ error }: { error: z.ZodError }) {
  return (
    <Alert tone="info" title="Some filters in the address were not understood, so none are applied">
      <ul className="plain-list">
        {error.issues.map((issue) => (
          <li key={`${issue.path.join(".")}:${issue.message}`}>
            {issue.path.length ? <code>{issue.path.join(".")}</code> : null} {issue.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
