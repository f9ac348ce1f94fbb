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
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/faults/**', 'tests/explorer/**', '**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      // drives Chromium against a real server: heavy, so alone and one file at a time (`vitest run --project browser`)
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['tests/explorer/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      // breaks the database on purpose: run alone, after the rest (`vitest run --project faults`)
      {
        resolve: { alias },
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
