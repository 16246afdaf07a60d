import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { TReadinessItem, TWorkflowDetail, TWorkflowReadiness } from "@/lib/contracts/workflows";

// Where each missing piece is put right.
const FIX: Record<TReadinessItem["code"], { path: string; label: string }> = {
  raci_accountable: { path: "/edit#raci", label: "Edit the RACI chart" },
  raci_function: { path: "/edit#raci", label: "Edit the RACI chart" },
  data_classes: { path: "/permissions", label: "Declare data classes" },
  model_status: { path: "/permissions", label: "Change models" },
  model_sensitivity: { path: "/permissions", label: "Change models" },
  tool_contract: { path: "/permissions", label: "Change tools" },
  service_token: { path: "/tokens", label: "Create a service token" },
};

const HEADINGS = {
  DRAFT: "Before it can be activated",
  PAUSED: "Before it can resume",
  ACTIVE: "Registration checks",
  RETIRED: "",
} as const;

/** The activation checklist: exactly what is missing, each with the place to fix it. */
export function ReadinessPanel({ workflow, readiness }: { workflow: TWorkflowDetail; readiness: TWorkflowReadiness }) {
  if (workflow.status === "RETIRED") return null;
  const base = `/workflows/${encodeURIComponent(workflow.id)}`;
  return (
    <section className="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{HEADINGS[workflow.status]}</h2>
      {readiness.ready ? (
        <Alert tone="success">
          Every check passes: accountable people, data classes, approved models, tool contracts and a valid service token.
        </Alert>
      ) : (
        <>
          <p>{workflow.status === "ACTIVE" ? "This live workflow no longer meets the registration checks:" : "Still missing:"}</p>
          <ul className="readiness-list" aria-label="What is missing">
            {readiness.missing.map((item, i) => (
              <li key={`${item.code}-${i}`}>
                <span>{item.message}</span>
                {workflow.canEdit ? (
                  <Link className="small" href={`${base}${FIX[item.code].path}`}>
                    {FIX[item.code].label}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
