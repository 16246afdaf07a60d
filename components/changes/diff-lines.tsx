const KIND: Record<string, string> = { "+": "added", "-": "removed", "~": "changed" };

/** A change's readable diff: one line per change, marked added (+), removed (-) or changed (~). */
export function DiffLines({ lines, label = "Changes" }: { lines: readonly string[]; label?: string }) {
  if (!lines.length) return <p className="muted">No changes.</p>;
  return (
    <ul className="diff-lines change-diff" aria-label={label}>
      {lines.map((line, i) => (
        <li key={`${i}-${line}`} className={`diff-line diff-${KIND[line.charAt(0)] ?? "same"}`}>
          <code>{line}</code>
        </li>
      ))}
    </ul>
  );
}
