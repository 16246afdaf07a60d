import { Timestamp } from "@/components/ui/timestamp";
import type { TRunTimeline } from "@/lib/contracts/runs";
import { DataFacts } from "./data-view";
import { LabelBadge } from "./label-badge";
import { formatMs, RUN_STATUS_LABELS } from "./labels";

/** Who or what started the run, and how it went: the first question asked of a run. */
export function RunSummary({ run }: { run: TRunTimeline["run"] }) {
  const duration = run.startedAt && run.endedAt ? Date.parse(run.endedAt) - Date.parse(run.startedAt) : null;
  return (
    <section className="card" aria-labelledby="run-summary-title">
      <h2 id="run-summary-title">Summary</h2>
      <dl className="facts run-facts">
        <dt>Run id</dt>
        <dd>
          <code>{run.runId}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          {run.status ? (
            <LabelBadge label={RUN_STATUS_LABELS[run.status]} />
          ) : (
            <span className="muted">No events reported: only decisions</span>
          )}
        </dd>
        <dt>Started</dt>
        <dd>
          <Timestamp iso={run.startedAt} empty="Not reported" />
        </dd>
        <dt>Ended</dt>
        <dd>
          <Timestamp iso={run.endedAt} empty={run.status === "RUNNING" ? "Still running" : "Not reported"} />
          {duration !== null ? <span className="muted"> · took {formatMs(duration)}</span> : null}
        </dd>
        <dt>Events reported</dt>
        <dd>{run.events}</dd>
        <dt>Triggered by</dt>
        <dd>
          {run.trigger ? (
            <DataFacts data={run.trigger.data} empty="The run_started event named no trigger" />
          ) : (
            <span className="muted">No run_started event was reported</span>
          )}
        </dd>
      </dl>
    </section>
  );
}
