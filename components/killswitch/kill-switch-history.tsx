import { DataTable } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import { engagerName } from "./engager-name";
import { haltedThing } from "./scope-labels";

/** Released switches, most recent first: who halted what and why, and which two people released it. */
export function KillSwitchHistory({ released }: { released: TKillSwitchView[] }) {
  if (!released.length) return <p className="muted">No kill switch has been released yet.</p>;
  return (
    <DataTable
      caption="Released kill switches"
      columns={
        <>
          <th scope="col">Halted</th>
          <th scope="col">Reason</th>
          <th scope="col">Engaged</th>
          <th scope="col">Release requested</th>
          <th scope="col">Released</th>
        </>
      }
    >
      {released.map((ks) => (
        <tr key={ks.id}>
          <td>{haltedThing(ks)}</td>
          <td>{ks.reason}</td>
          <td>
            {engagerName(ks, "email")}, <Timestamp iso={ks.engagedAt} />
          </td>
          <td>
            {ks.releaseRequestedBy?.email ?? "—"}: {ks.releaseReason ?? ""}
          </td>
          <td>
            {ks.releasedBy?.email ?? "—"}, <Timestamp iso={ks.releasedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
