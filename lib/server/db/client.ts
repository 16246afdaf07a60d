import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "../env";
import { logIdleConnectionError } from "./idle-connection-error";

/** A client for an explicit URL, for scripts that open the database themselves. */
export function createDb(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString }, { onPoolError: logIdleConnectionError }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true }, serviceToken: { tokenHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

export type TDb = ReturnType<typeof createDb>;
export type TTx = Omit<TDb, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { tollgateDb?: TDb };

/** The one Prisma client, created on first use so that builds never need a database. */
export function getDb(): TDb {
  globalForDb.tollgateDb ??= createDb(requireDatabaseUrl());
  return globalForDb.tollgateDb;
}

export const db: TDb = new Proxy({} as TDb, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
