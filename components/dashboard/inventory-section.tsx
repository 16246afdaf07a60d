import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CategoryBarChart } from "@/components/charts/lazy-charts";
import { Card } from "@/components/ui/card";
import { FiguresTable } from "@/components/charts/figures-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/scorecard/scorecard-format";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { inventoryBars, largestText, type TBar } from "./dashboard-derive";

function BarsTable({ bars, heading, caption }: { bars: readonly TBar[]; heading: string; caption: string }) {
  return (
    <FiguresTable
      caption={caption}
      columns={
        <>
          <th scope="col">{heading}</th>
          <th scope="col" className="numeric">
            Workflows
          </th>
        </>
      }
    >
      {bars.map((bar) => (
        <tr key={bar.label}>
          <th scope="row">{bar.label}</th>
          <td className="numeric">{formatCount(bar.value)}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}

function InventoryChart({ title, heading, bars }: { title: string; heading: string; bars: TBar[] }) {
  return (
    <ChartFigure
      title={title}
      summary={largestText(bars, "workflows")}
      table={<BarsTable bars={bars} heading={heading} caption={`Workflows ${title.toLowerCase()}`} />}
      chart={(a11y) => <CategoryBarChart {...a11y} data={bars} valueLabel="Workflows" />}
    />
  );
}

/** What is registered: by status, environment and the highest approval tier among its tools; how many are halted. */
export function InventorySection({ inventory }: { inventory: TDashboard["inventory"] }) {
  const bars = inventoryBars(inventory);
  return (
    <Card titleId="inventory-title" title="Inventory">
      {inventory.total === 0 ? (
        <EmptyState title="No workflows registered yet">
          <p>Once owners register their automations, this shows how many there are by status, environment and approval tier.</p>
        </EmptyState>
      ) : (
        <>
          <dl className="tiles">
            <div className="tile">
              <dt>Registered workflows</dt>
              <dd>{formatCount(inventory.total)}</dd>
            </div>
            <div className={inventory.halted > 0 ? "tile tile-bad" : "tile"}>
              <dt>Halted by a kill switch</dt>
              <dd>
                {formatCount(inventory.halted)}
                {inventory.halted > 0 ? (
                  <Link className="tile-link" href="/kill-switches">
                    See kill switches
                  </Link>
                ) : null}
              </dd>
            </div>
          </dl>
          <div className="chart-grid">
            <InventoryChart title="By status" heading="Status" bars={bars.status} />
            <InventoryChart title="By environment" heading="Environment" bars={bars.environment} />
            <InventoryChart title="By highest approval tier" heading="Highest tier" bars={bars.tier} />
          </div>
        </>
      )}
    </Card>
  );
}
