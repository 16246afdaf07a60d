import { useId, type ReactNode } from "react";

export type TChartA11y = { label: string; describedBy: string; idPrefix: string };

/**
 * A chart with what makes it readable without seeing it: a title, a one-sentence summary the chart
 * is described by, and the same figures as a table behind "Show as table".
 */
export function ChartFigure({
  title,
  summary,
  legend,
  table,
  chart,
}: {
  title: string;
  summary: ReactNode;
  legend?: (idPrefix: string) => ReactNode;
  /** The figures as a table (a FiguresTable), so nothing is in the picture alone. */
  table: ReactNode;
  chart: (a11y: TChartA11y) => ReactNode;
}) {
  // useId's colons are not valid in url(#…) references, which pattern fills use.
  const idPrefix = `chart${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const titleId = `${idPrefix}-title`;
  const summaryId = `${idPrefix}-summary`;
  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <figcaption>
        <span id={titleId} className="chart-title">
          {title}
        </span>
        <span id={summaryId} className="chart-summary">
          {summary}
        </span>
      </figcaption>
      {legend ? legend(idPrefix) : null}
      <div className="chart-area">{chart({ label: title, describedBy: summaryId, idPrefix })}</div>
      <details className="chart-table">
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}

/** Holds the chart's place while its code loads, so the page does not jump. */
export function ChartSkeleton() {
  return <div className="chart-skeleton" aria-hidden="true" />;
}
