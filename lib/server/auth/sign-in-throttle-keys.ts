import "server-only";

export type TThrottleScope = "address" | "account" | "account_address";

export type TThrottleKey = { scope: TThrottleScope; key: string };

/** The counter of one account's failures from every address. */
export const accountThrottleKey = (email: string) => `account:${email.toLowerCase()}`;

/** What every per-address counter of one account's key starts with. */
export const accountAddressKeyPrefix = (email: string) => `account_address:${email.toLowerCase()}|`;

/**
 * The three counters one password attempt moves. The account is the email as typed (lower-cased),
 * registered or not, so the counters behave identically for unknown emails.
 */
export function signInThrottleKeys(options: { email: string; address: string }): TThrottleKey[] {
  const { email, address } = options;
  return [
    { scope: "address", key: `address:${address}` },
    { scope: "account", key: accountThrottleKey(email) },
    { scope: "account_address", key: `${accountAddressKeyPrefix(email)}${address}` },
  ];
}
