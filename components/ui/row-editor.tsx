import { useState, type ReactNode } from "react";

/**
 * Which row of a table is open in its inline editor (one at a time), and the message about the
 * last outcome: toggling an editor clears it, closing one reports how the edit went.
 */
export function useRowEditor() {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = (id: string) => {
    setNotice(null);
    setEditing(editing === id ? null : id);
  };
  const close = (message: string | null) => {
    setEditing(null);
    setNotice(message);
  };
  return { editing, notice, setNotice, toggle, close };
}

export function EditButton({ name, open, onClick }: { name: string; open: boolean; onClick: () => void }) {
  return (
    <button className="button button-small" type="button" aria-label={`Edit ${name}`} aria-expanded={open} onClick={onClick}>
      Edit
    </button>
  );
}

/** The row under an edited row, spanning the whole table, that holds its editor. */
export function EditRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr className="edit-row">
      <td colSpan={colSpan}>{children}</td>
    </tr>
  );
}
