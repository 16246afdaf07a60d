import { afterAll, inject } from "vitest";
import { cloneDatabase, dropDatabase, uniqueDatabaseName } from "./support/postgres";

const { adminUrl, template } = inject("testDb");
const name = uniqueDatabaseName("tollgate_test");
process.env.DATABASE_URL = await cloneDatabase(adminUrl, template, name);

afterAll(async () => {
  const holder = globalThis as unknown as { tollgateDb?: { $disconnect: () => Promise<void> } };
  await holder.tollgateDb?.$disconnect();
  await dropDatabase(adminUrl, name);
});
