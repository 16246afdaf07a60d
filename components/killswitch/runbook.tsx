/** A halted workflow's manual fallback, shown where people look first when it stops. */
export function Runbook({ workflowName, text }: { workflowName: string; text: string }) {
  return (
    <section className="runbook" aria-label={`Runbook for ${workflowName}`}>
      <p className="runbook-title">Runbook: the manual fallback</p>
      {text ? (
        <p className="prose">{text}</p>
      ) : (
        <p className="warn-text">No runbook is written for this workflow: ask its owner how the work gets done by hand.</p>
      )}
    </section>
  );
}
