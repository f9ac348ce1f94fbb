import { defineConfig } from 'vitest/config';

// vitest would otherwise load graphql twice (ESM and CJS) and Pothos would reject the second copy.
const alias = [{ find: /^graphql$/, replacement: 'graphql/index.js' }];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'ingest', include: ['packages/ingest/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: { name: 'db', include: ['packages/db/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { resolve: { alias }, test: { name: 'sdk', include: ['packages/sdk/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['tests/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
    ],
  },
});
