import type { ReactNode } from "react";

type TProps = {
  /** Names the group for assistive technology. */
  label: string;
  /** The question, and any choice to make before confirming. */
  children: ReactNode;
  /** The confirming button's look; a plain button without it. */
  tone?: "primary" | "danger";
  confirmLabel: string;
  /** Replaces the confirm label while the action runs. */
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  cancelLabel?: string;
  onCancel: () => void;
};

/** The second step of an action that asks first: the question, the button that does it, and a way back. */
export function ConfirmGroup({
  label,
  children,
  tone,
  confirmLabel,
  pendingLabel,
  pending,
  onConfirm,
  cancelLabel = "Cancel",
  onCancel,
}: TProps) {
  return (
    <div className="confirm" role="group" aria-label={label}>
      {children}
      <button
        className={tone ? `button button-small button-${tone}` : "button button-small"}
        type="button"
        disabled={pending}
        onClick={onConfirm}
      >
        {pending ? pendingLabel : confirmLabel}
      </button>
      <button className="button button-small button-quiet" type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
