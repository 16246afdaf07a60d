import { z } from "zod";

export const TOKEN_SCOPES = ["DECIDE", "INGEST", "APPROVE_REQUEST"] as const;
export const ZTokenScope = z.enum(TOKEN_SCOPES);
export type TTokenScope = z.infer<typeof ZTokenScope>;
