import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, hasPermission } from "./permissions";
import { ROLES } from "./roles";

describe("the permission table", () => {
  it("gives killswitch:release to SECURITY alone, as the two-person rule names Security", () => {
    expect(ROLES.filter((role) => hasPermission([role], "killswitch:release"))).toEqual(["SECURITY"]);
  });

  it("gives ADMIN every other permission", () => {
    expect(PERMISSIONS.filter((permission) => !ROLE_PERMISSIONS.ADMIN.includes(permission))).toEqual(["killswitch:release"]);
  });
});
