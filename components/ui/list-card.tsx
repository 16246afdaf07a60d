import type { ReactNode } from "react";
import type { ApiError } from "@/lib/client/api-error";
import { Card } from "./card";
import { RefreshError } from "./refresh-error";

type TProps = {
  titleId: string;
  title: string;
  /** Messages about the last action, shown above the list. */
  notices?: ReactNode;
  error: ApiError | null;
  isEmpty: boolean;
  /** What stands in for the list when it has nothing in it. */
  empty: ReactNode;
  children: ReactNode;
};

/** A titled card holding a list, with the list's refresh error and its empty state. */
export function ListCard({ titleId, title, notices, error, isEmpty, empty, children }: TProps) {
  return (
    <Card titleId={titleId} title={title}>
      {notices}
      <RefreshError error={error} />
      {isEmpty ? <p className="empty-inline">{empty}</p> : children}
    </Card>
  );
}
