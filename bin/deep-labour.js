#!/usr/bin/env node
// The installed `deep-labour` command: runs the TypeScript CLI through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
