/** The admin the e2e servers are started with (`npm run admin:create`); a test-only account. */
export const E2E_ADMIN = {
  email: 'admin@edgecart.test',
  password: 'e2e admin lantern orbit',
} as const;
