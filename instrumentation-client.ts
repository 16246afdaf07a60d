import { z } from "zod";

// Runs before the console's own modules. Zod compiles object parsers with `new Function` when it
// may, and its probe for that is reported as a CSP violation under the console's policy (no
// 'unsafe-eval'), though it is caught. The interpreted parsers are fast enough for forms.
z.config({ jitless: true });
