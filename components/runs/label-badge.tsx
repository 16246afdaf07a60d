import { Badge } from "@/components/ui/badge";
import type { TLabel } from "./labels";

/** A badge that says its meaning in words; the symbol only helps the eye. */
export function LabelBadge({ label, title }: { label: TLabel; title?: string }) {
  return (
    <Badge tone={label.tone} title={title}>
      <span aria-hidden="true" className="label-icon">
        {label.icon}
      </span>{" "}
      {label.text}
    </Badge>
  );
}
