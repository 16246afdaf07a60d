import { Badge } from "@/components/ui/badge";
import { formatTimestamp } from "@/components/ui/timestamp";
import type { TUserView } from "@/lib/contracts/users";

export function UserStatus({ user }: { user: TUserView }) {
  return (
    <span className="badges">
      {user.disabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
      {user.locked && user.lockedUntil ? <Badge tone="warn">Sign-in paused until {formatTimestamp(user.lockedUntil)}</Badge> : null}
      {!user.locked && user.failedSignIns > 0 ? (
        <Badge tone="neutral">
          {user.failedSignIns} failed sign-in{user.failedSignIns === 1 ? "" : "s"}
        </Badge>
      ) : null}
      {user.ssoOnly ? (
        <Badge tone="info" title="Signs in through single sign-on only">
          SSO
        </Badge>
      ) : null}
    </span>
  );
}
