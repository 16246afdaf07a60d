import "server-only";
import type { TUserList } from "@/lib/contracts/users";
import { db } from "../db/client";
import { USER_VIEW_SELECT, viewUsers } from "./user-view";

// Tollgate's people fit on one page; past this a search box, not paging, is the fix.
const MAX_USERS = 1_000;

/** Every user, by email. Reading them needs users:read, which the route checks. */
export async function listUsers(options: { search?: string } = {}): Promise<TUserList> {
  const search = options.search?.trim();
  const rows = await db.user.findMany({
    where: search
      ? { OR: [{ email: { contains: search, mode: "insensitive" } }, { name: { contains: search, mode: "insensitive" } }] }
      : {},
    select: USER_VIEW_SELECT,
    orderBy: { email: "asc" },
    take: MAX_USERS,
  });
  return { users: await viewUsers({ tx: db, rows }) };
}
