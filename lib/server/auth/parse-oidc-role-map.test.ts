import { describe, expect, it } from "vitest";
import { parseOidcRoleMap } from "./parse-oidc-role-map";

describe("parseOidcRoleMap", () => {
  it("reads value=ROLE pairs separated by commas or new lines", () => {
    const map = parseOidcRoleMap(" tollgate-security=SECURITY ,\n tollgate-auditors = auditor,");
    expect([...map]).toEqual([
      ["tollgate-security", ["SECURITY"]],
      ["tollgate-auditors", ["AUDITOR"]],
    ]);
  });

  it("lets one value grant several roles, once each", () => {
    expect(parseOidcRoleMap("admins=ADMIN,admins=SECURITY,admins=ADMIN").get("admins")).toEqual(["ADMIN", "SECURITY"]);
  });

  it("splits at the last = so values may contain one", () => {
    expect(parseOidcRoleMap("cn=ops=OWNER").get("cn=ops")).toEqual(["OWNER"]);
  });

  it("is empty for an empty setting", () => {
    expect(parseOidcRoleMap("").size).toBe(0);
  });

  it.each(["admins", "=ADMIN", "admins=ROOT", "admins="])("rejects the malformed entry %j", (spec) => {
    expect(() => parseOidcRoleMap(spec)).toThrow(/OIDC_ROLE_MAP entry/);
  });
});
