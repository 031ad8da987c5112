// Builds the explorer and the GraphQL console into dist/client (dist/client-test with window.cy exposed for e2e).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig(({ mode }) => ({
  root: 'client',
  base: '/',
  envDir: resolve(__dirname),
  build: {
    outDir: resolve(__dirname, mode === 'test' ? 'dist/client-test' : 'dist/client'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: { index: resolve(__dirname, 'client/index.html'), graphiql: resolve(__dirname, 'client/graphiql.html') },
      // GraphiQL's React dependencies carry "use client" directives, meaningless outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
}));
