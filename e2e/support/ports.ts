// Away from npm start's 3000 and the embedded Postgres' 54329, so e2e never touches quick-start data.
export const E2E_APP_PORT = 3107;
export const E2E_OIDC_PORT = 3108;
export const E2E_BASE_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_OIDC_ISSUER = `http://localhost:${E2E_OIDC_PORT}`;
