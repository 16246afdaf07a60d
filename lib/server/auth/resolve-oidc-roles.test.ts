import { describe, expect, it } from "vitest";
import { parseOidcRoleMap } from "./parse-oidc-role-map";
import { resolveOidcRoles } from "./resolve-oidc-roles";

const roleMap = parseOidcRoleMap("sec=SECURITY,audit=AUDITOR,boss=ADMIN,boss=SECURITY");
const resolve = (claims: Record<string, unknown>, claim = "groups") => resolveOidcRoles({ claims, claim, roleMap });

describe("resolveOidcRoles", () => {
  it("maps a string claim", () => {
    expect(resolve({ groups: "audit" })).toEqual(["AUDITOR"]);
  });

  it("maps an array claim, skipping unknown and non-string values, in canonical order without duplicates", () => {
    expect(resolve({ groups: ["audit", "staff", 7, null, "sec", "boss"] })).toEqual(["ADMIN", "SECURITY", "AUDITOR"]);
  });

  it("grants nothing for a missing, empty or oddly typed claim", () => {
    expect(resolve({})).toEqual([]);
    expect(resolve({ groups: [] })).toEqual([]);
    expect(resolve({ groups: { sec: true } })).toEqual([]);
  });

  it("matches values exactly", () => {
    expect(resolve({ groups: ["SEC", " sec"] })).toEqual([]);
  });

  it("reads a nested claim by dot path, and a namespaced claim by its literal name", () => {
    expect(resolve({ realm_access: { roles: ["sec"] } }, "realm_access.roles")).toEqual(["SECURITY"]);
    expect(resolve({ "https://corp.example/roles": ["audit"] }, "https://corp.example/roles")).toEqual(["AUDITOR"]);
  });
});
