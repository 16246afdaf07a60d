import type { ReactNode } from "react";

type TProps = {
  /** The header row's cells. */
  columns: ReactNode;
  /** Read out by screen readers only. */
  caption?: string;
  /** Added to `table`, for tables with their own layout. */
  className?: string;
  /** The body's rows. */
  children: ReactNode;
};

/** A table that scrolls sideways inside its own box on narrow screens. */
export function DataTable({ columns, caption, className, children }: TProps) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : "table"}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The header of a column of buttons: named for screen readers, blank on screen. */
export function ActionsHeader({ label = "Actions" }: { label?: string }) {
  return (
    <th scope="col">
      <span className="visually-hidden">{label}</span>
    </th>
  );
}
