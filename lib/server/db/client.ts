import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "../env";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true }, serviceToken: { tokenHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

export type TDb = ReturnType<typeof createClient>;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { tollgateDb?: TDb };

/** The one Prisma client, created on first use so that builds never need a database. */
export function getDb(): TDb {
  globalForDb.tollgateDb ??= createClient();
  return globalForDb.tollgateDb;
}

export const db: TDb = new Proxy({} as TDb, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
