import { FiguresTable } from "@/components/charts/figures-table";
import type { TGradeExplanation } from "@/lib/contracts/scorecard";
import { GradeBadge } from "./grade-badge";
import { formatPercent, pointsLost } from "./scorecard-format";

/** The grade and how it was reached: each factor's value, weight and score, and what would raise it. */
export function GradeCard({ grade }: { grade: TGradeExplanation }) {
  const totalWeight = grade.factors.reduce((sum, factor) => sum + factor.weight, 0);
  return (
    <section className="card grade-card" aria-labelledby="grade-title">
      <div className="grade-head">
        <GradeBadge grade={grade.grade} large />
        <div>
          <h2 id="grade-title">Grade {grade.grade}</h2>
          <p className="muted">
            {Math.round(grade.score)} of 100: the weighted sum of the factors below (A from 90, B from 80, C from 70, D from 60).
          </p>
        </div>
      </div>
      <FiguresTable
        caption="How the grade was reached"
        columns={
          <>
            <th scope="col">Factor</th>
            <th scope="col">Value</th>
            <th scope="col" className="numeric">
              Weight
            </th>
            <th scope="col" className="numeric">
              Score
            </th>
            <th scope="col" className="numeric">
              Points lost
            </th>
            <th scope="col">What would raise it</th>
          </>
        }
      >
        {grade.factors.map((factor) =>
          // A factor with nothing to measure yet weighs nothing: say so rather than show a 0% score.
          factor.weight === 0 ? (
            <tr key={factor.factor}>
              <th scope="row">{factor.label}</th>
              <td>{factor.value}</td>
              <td className="numeric">0%</td>
              <td className="numeric muted">—</td>
              <td className="numeric muted">—</td>
              <td>{factor.raise ?? <span className="muted">Not counted in the grade until there is traffic to measure</span>}</td>
            </tr>
          ) : (
            <tr key={factor.factor}>
              <th scope="row">{factor.label}</th>
              <td>{factor.value}</td>
              <td className="numeric">{formatPercent(totalWeight > 0 ? factor.weight / totalWeight : null, 0)}</td>
              <td className="numeric">{formatPercent(factor.score, 0)}</td>
              <td className="numeric">{pointsLost(factor, totalWeight).toFixed(1)}</td>
              <td>{factor.raise ?? <span className="muted">Already at full marks</span>}</td>
            </tr>
          ),
        )}
      </FiguresTable>
    </section>
  );
}
