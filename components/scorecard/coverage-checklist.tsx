import type { TScorecard } from "@/lib/contracts/scorecard";

/** The controls a governed automation should have, each passed or missing with what was found. */
export function CoverageChecklist({ coverage }: { coverage: TScorecard["coverage"] }) {
  const passed = coverage.filter((check) => check.passed).length;
  return (
    <>
      <p>
        <strong>
          {passed} of {coverage.length}
        </strong>{" "}
        controls in place.
      </p>
      <ul className="checklist">
        {coverage.map((check) => (
          <li key={check.control} className={check.passed ? "check check-passed" : "check check-missing"}>
            <span className="check-mark" aria-hidden="true">
              {check.passed ? "✓" : "✗"}
            </span>
            <span>
              <strong>{check.label}</strong> <span className="check-state">{check.passed ? "in place" : "missing"}</span>
              <span className="check-detail">{check.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
