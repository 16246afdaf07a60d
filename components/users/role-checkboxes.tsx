import { ROLE_LABELS, ROLES, type TRole } from "@/lib/contracts/roles";
import { FieldSet } from "@/components/ui/field";

type TProps = { id: string; value: readonly TRole[]; onChange: (roles: TRole[]) => void; error?: string; disabled?: boolean };

export function RoleCheckboxes({ id, value, onChange, error, disabled }: TProps) {
  const toggle = (role: TRole, on: boolean) => onChange(ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <FieldSet id={id} legend="Roles" error={error}>
      {ROLES.map((role) => (
        <label key={role} className="choice">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            disabled={disabled}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          {ROLE_LABELS[role]} <code>{role}</code>
        </label>
      ))}
    </FieldSet>
  );
}
