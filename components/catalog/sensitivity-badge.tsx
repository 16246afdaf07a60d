import { Badge } from "@/components/ui/badge";

const TONES = { PUBLIC: "neutral", INTERNAL: "info", CONFIDENTIAL: "warn", RESTRICTED: "bad" } as const;

export function SensitivityBadge({ sensitivity }: { sensitivity: keyof typeof TONES | null }) {
  if (!sensitivity) return <span className="muted">—</span>;
  return <Badge tone={TONES[sensitivity]}>{sensitivity}</Badge>;
}
