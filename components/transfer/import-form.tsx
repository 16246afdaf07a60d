"use client";

import { useState, type FormEvent } from "react";
import { INVENTORY_CSV_ENTITIES, type TInventoryCsvEntity } from "@/lib/contracts/inventory";
import { useImportInventory } from "@/lib/client/transfer/use-import-inventory";
import { Alert } from "../ui/alert";
import { FormActions } from "../ui/form-actions";

type TChoice = "json" | TInventoryCsvEntity;

/** Upload a JSON inventory or one entity's CSV; the server applies all of it or none of it. */
export function ImportForm() {
  const [choice, setChoice] = useState<TChoice>("json");
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const importInventory = useImportInventory();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setUnreadable(null);
    if (!file) return setUnreadable("Choose a file to import.");
    const text = await file.text();
    if (choice !== "json") return importInventory.mutate({ kind: "csv", entity: choice, csv: text });
    try {
      importInventory.mutate({ kind: "json", document: JSON.parse(text) as unknown });
    } catch {
      setUnreadable(`${file.name} is not valid JSON.`);
    }
  }

  const error = importInventory.error;
  const result = importInventory.data;
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Import inventory">
      <div className="field">
        <label htmlFor="import-kind">What the file holds</label>
        <select id="import-kind" value={choice} onChange={(e) => setChoice(e.target.value as TChoice)}>
          <option value="json">The whole inventory (JSON)</option>
          {INVENTORY_CSV_ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {entity} (CSV)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-file">File</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <FormActions pending={importInventory.isPending} submitLabel="Import" pendingLabel="Importing…" />
      {unreadable ? <Alert tone="error" title={unreadable} /> : null}
      {error ? (
        <Alert tone="error" title={error.detail} reference={error.status >= 500 ? error.requestId : null}>
          {error.problems.length ? (
            <ul className="problem-list">
              {error.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <code>{p.path.replace(/^body\./, "")}</code> {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {result ? (
        <Alert tone="success" title="Imported">
          <ul>
            {Object.keys(result.created).map((name) => (
              <li key={name}>
                {name}: {result.created[name]} created, {result.updated[name]} updated, {result.unchanged[name]} unchanged
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </form>
  );
}
