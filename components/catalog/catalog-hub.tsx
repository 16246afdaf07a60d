import Link from "next/link";

type TSection = { title: string; href: string; description: string; counts: string };

/** The catalog's front page: one card per catalog, with what it holds. */
export function CatalogHub({ sections }: { sections: readonly TSection[] }) {
  return (
    <div className="catalog-hub">
      {sections.map((s) => (
        <section key={s.href} className="card" aria-labelledby={`hub-${s.href.replace(/\W+/g, "-")}`}>
          <h2 id={`hub-${s.href.replace(/\W+/g, "-")}`}>
            <Link href={s.href}>{s.title}</Link>
          </h2>
          <p className="muted">{s.description}</p>
          <p className="strong">{s.counts}</p>
        </section>
      ))}
    </div>
  );
}
