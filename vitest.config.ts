// Three tiers: *.test.ts beside the code (pure), tests/integration (real Neo4j), tests/e2e (real Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.ts',
            'client/**/*.test.ts',
            'vocabulary/**/*.test.ts',
            'format/**/*.test.ts',
            'tests/docs/**/*.test.ts',
          ],
          // Loaded through Vite like the tests, so that it shares their copy of graphql-js (graphql's instanceof checks).
          server: { deps: { inline: ['@graphql-inspector/core'] } },
        },
      },
      {
        test: {
          name: 'integration',
          // The browser tests share the run's Neo4j, so they take their turn with the integration files.
          include: ['tests/integration/**/*.int.test.ts', 'tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/setup/neo4j-global-setup.ts', 'tests/setup/client-build-setup.ts'],
          // One Neo4j serves the run; files take turns so each can own the whole graph while it runs.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
