import type { ReactNode } from "react";

/** A card titled by its own heading, which also names the section for assistive technology. */
export function Card({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
