import type { ReactNode } from "react";

/**
 * A table of figures that may be wider than a phone: it scrolls sideways in its own box, and that
 * box is a named, focusable region so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function FiguresTable({ caption, columns, children }: { caption: string; columns: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
