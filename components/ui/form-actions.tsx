type TProps = {
  pending: boolean;
  submitLabel: string;
  /** Replaces the submit label while the form is being sent. */
  pendingLabel: string;
  /** Adds a Cancel button. */
  onCancel?: () => void;
};

/** A form's primary submit button, disabled while it is being sent, and an optional Cancel. */
export function FormActions({ pending, submitLabel, pendingLabel, onCancel }: TProps) {
  return (
    <div className="form-actions">
      <button className="button button-primary" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {onCancel ? (
        <button className="button button-quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
