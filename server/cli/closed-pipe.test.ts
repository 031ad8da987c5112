// The command line when whoever reads its output stops early (`deep-labour help | head -1`): it ends normally, without
// an unhandled EPIPE and its stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('deep-labour with its output closed early', () => {
  it('ends with its own exit code and no stack trace', async () => {
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((done) => child.once('exit', done));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  }, 30_000);
});
