import { Fragment } from "react";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reported data as facts (top-level fields), for what started a run; it was redacted before it was stored. */
export function DataFacts({ data, empty }: { data: unknown; empty: string }) {
  if (!isRecord(data) || !Object.keys(data).length) return <span className="muted">{empty}</span>;
  return (
    <dl className="facts data-facts">
      {Object.entries(data).map(([key, value]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === "string" ? value : <code>{JSON.stringify(value)}</code>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Collapsed by default: a timeline is read by its headlines, the data is there for whoever needs it. */
export function DataDetails({ data, label = "Data", redactions = 0 }: { data: unknown; label?: string; redactions?: number }) {
  if (data === null || data === undefined || (isRecord(data) && !Object.keys(data).length)) return null;
  return (
    <details className="timeline-data">
      <summary>
        {label} (redacted{redactions ? `: ${redactions} value${redactions === 1 ? "" : "s"} removed` : ""})
      </summary>
      <pre className="json">{JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}

/** A short line a reported event may carry, e.g. an error's message or an override's reason. */
export function messageOf(data: unknown): string | null {
  if (!isRecord(data)) return null;
  for (const key of ["message", "reason", "summary", "error"]) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return null;
}
