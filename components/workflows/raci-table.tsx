import { DataTable } from "@/components/ui/data-table";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { RACI_FUNCTIONS, RACI_ROLES } from "./labels";
import { RaciColumnHeaders, RaciPersonHeader } from "./raci-headers";

type TEntry = TWorkflowDetail["raci"][number];

/** People down, functions across, R/A/C/I in the cells: who answers for what, at a glance. */
export function RaciTable({ raci }: { raci: readonly TEntry[] }) {
  if (!raci.length) return <p className="empty-inline">Nobody is assigned yet.</p>;
  const people = [...new Map(raci.map((r) => [r.user.id, r.user])).values()];
  return (
    <DataTable className="raci-table" columns={<RaciColumnHeaders />}>
      {people.map((person) => (
        <tr key={person.id}>
          <RaciPersonHeader name={person.name} email={person.email} />
          {RACI_FUNCTIONS.map((f) => {
            const role = RACI_ROLES.find((r) => raci.some((e) => e.user.id === person.id && e.function === f.value && e.role === r.value));
            return (
              <td key={f.value} className="raci-cell">
                {role ? (
                  <abbr title={role.label} className={role.value === "ACCOUNTABLE" ? "raci-letter raci-accountable" : "raci-letter"}>
                    {role.letter}
                  </abbr>
                ) : (
                  <span className="muted" aria-label="none">
                    ·
                  </span>
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}
