import type { TPolicyDiff } from "@/lib/contracts/policies";

const MARK = { same: " ", added: "+", removed: "−" } as const;

/** A proposed change as review sees it: setting changes, then the Cedar text line by line. */
export function PolicyDiff({ diff }: { diff: TPolicyDiff }) {
  return (
    <div className="policy-diff">
      {diff.fields.length ? (
        <ul className="diff-fields">
          {diff.fields.map((f) => (
            <li key={f.field}>
              {f.field}: <del>{String(f.before)}</del> → <ins>{String(f.after)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      {diff.lines.some((l) => l.op !== "same") ? (
        <pre className="diff-lines" aria-label="Text changes">
          {diff.lines.map((line, i) => (
            <span key={i} className={`diff-line diff-${line.op}`}>
              {MARK[line.op]} {line.text}
            </span>
          ))}
        </pre>
      ) : (
        <p className="muted small">The text is unchanged.</p>
      )}
    </div>
  );
}
