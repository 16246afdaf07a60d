import Link from "next/link";
import type { TWorkflowList, TWorkflowListQuery } from "@/lib/contracts/workflows";
import { listHref } from "./list-href";

export function WorkflowPagination({ list, query }: { list: TWorkflowList; query: TWorkflowListQuery }) {
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="muted small" role="status">
        {first}–{last} of {list.total.toLocaleString("en")} workflows · page {list.page} of {list.pageCount}
      </p>
      <div className="form-actions">
        {list.page > 1 ? (
          <Link className="button button-small" href={listHref(query, { page: list.page - 1 })} rel="prev">
            Previous
          </Link>
        ) : null}
        {list.page < list.pageCount ? (
          <Link className="button button-small" href={listHref(query, { page: list.page + 1 })} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
