export { createTollgate, type TGuardFn, type TTollgate, type TTollgateOptions, type TTollgateRun } from "./create-tollgate";
export { TollgateDeniedError, TollgateRequestError, TollgateScreenedError, TollgateUnreachableError } from "./errors";
export type { TScreenOptions } from "./screen";
export type { THaltEvent } from "./kill-switch-lease";
export type {
  TCallOptions,
  TDecision,
  TGateDecision,
  TLeaseState,
  TLocalDecision,
  TLocalReason,
  TReportEvent,
  TTollgateReason,
} from "./types";
export { wrapTools } from "./wrap-tools";
