// Import rules (npm run lint:deps, run by .ci/run): the browser never reaches the server, format/ and vocabulary/ stay pure, no cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'client-imports-only-format-and-vocabulary',
      comment:
        'The explorer runs in the browser: it imports its own code, format/, vocabulary/ and npm packages, never server/ (or tests/, bench/, scripts/).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|tests|bench|scripts)/' },
    },
    {
      name: 'format-is-browser-safe',
      comment:
        'format/ is the dataset format, shared by the server, the CLI and the browser: no server code and no Node built-ins.',
      severity: 'error',
      from: { path: '^format/' },
      to: { path: '^(server|client|tests|bench|scripts)/' },
    },
    {
      name: 'format-has-no-node-built-ins',
      comment: 'format/ runs in the browser too: no node: modules.',
      severity: 'error',
      from: { path: '^format/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'vocabulary-stands-alone',
      comment: 'vocabulary/ is the words everything shares: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^vocabulary/' },
      to: { path: '^(server|client|format|tests|bench|scripts)/' },
    },
    {
      name: 'no-circular-files',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'Folders depend one way: a cycle between two folders means one of them holds what belongs to the other.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Tests may reach anything they test (a test of format/ reads a file through the server's reader); the types
    // codegen writes import what codegen.ts names (the resolvers' Context, the models), so they are left out too.
    exclude: { path: '(\\.test\\.ts|\\.spec\\.ts|/generated-types\\.ts|/generated-operations\\.ts)$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
