import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's parameters and a fresh salt", async () => {
    const [a, b] = await Promise.all([hashPassword("s3cret"), hashPassword("s3cret")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("s3cret");
    expect(await verifyPassword({ hash, password: "s3cret" })).toBe(true);
    expect(await verifyPassword({ hash, password: "S3cret" })).toBe(false);
  });

  it("refuses when there is no hash or a malformed one, instead of throwing", async () => {
    expect(await verifyPassword({ hash: null, password: "anything" })).toBe(false);
    expect(await verifyPassword({ hash: "not-a-hash", password: "anything" })).toBe(false);
  });
});
