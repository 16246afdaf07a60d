// Tests run domain code outside React's server environment; `server-only` only guards bundles.
export {};
