import type { TGradeExplanation } from "@/lib/contracts/scorecard";
import { gradeTone } from "./scorecard-format";

/** The letter in a coloured box, named in words for screen readers: the letter, not the colour, carries the grade. */
export function GradeBadge({ grade, large = false }: { grade: TGradeExplanation["grade"]; large?: boolean }) {
  return (
    <span className={`grade grade-${gradeTone(grade)}${large ? " grade-large" : ""}`}>
      <span className="visually-hidden">Grade </span>
      {grade}
    </span>
  );
}
