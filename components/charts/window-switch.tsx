import Link from "next/link";
import { SCORECARD_WINDOWS, type TScorecardWindow } from "@/lib/contracts/scorecard";

const LABELS: Record<TScorecardWindow, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** The period a page's figures cover, kept in the URL (`?window=`) so a link or reload shows the same. */
export function WindowSwitch({ basePath, current }: { basePath: string; current: TScorecardWindow }) {
  return (
    <nav className="window-switch" aria-label="Period">
      <ul>
        {SCORECARD_WINDOWS.map((window) => (
          <li key={window}>
            <Link
              href={`${basePath}?window=${window}`}
              className={window === current ? "window-option window-option-current" : "window-option"}
              aria-current={window === current ? "page" : undefined}
              scroll={false}
            >
              {LABELS[window]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
