import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from './commands/index.js';
import { runCli } from './deep-labour.js';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
};

describe('the deep-labour commands registry', () => {
  it('lists every module of server/cli/commands once, each under its own name', () => {
    const modules = readdirSync(new URL('./commands/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'cli-command.ts',
    );
    expect(CLI_COMMANDS.map((c) => `${c.name}.ts`).sort()).toEqual(modules.sort());
    expect(new Set(CLI_COMMANDS.map((c) => c.name)).size).toBe(CLI_COMMANDS.length);
  });

  it("the usage text holds each command's own lines, and only its own", async () => {
    for (const c of CLI_COMMANDS) {
      const starts = c.usage.split('\n').filter((l) => l.startsWith('  deep-labour '));
      expect(starts.length, c.name).toBeGreaterThan(0);
      for (const l of starts) expect(l.startsWith(`  deep-labour ${c.name}`), l).toBe(true);
    }
    const help = io();
    expect(await runCli(['help'], {}, help.io)).toBe(0);
    for (const c of CLI_COMMANDS) expect(help.out.join('\n')).toContain(c.usage);
  });

  it('an unknown command is a usage error (exit 2) that lists the commands', async () => {
    const e = io();
    expect(await runCli(['frobnicate'], {}, e.io)).toBe(2);
    expect(e.err.join('\n')).toContain('deep-labour: unknown command "frobnicate"');
    for (const c of CLI_COMMANDS) expect(e.err.join('\n')).toContain(`  deep-labour ${c.name}`);
  });

  it('the command line writes every export format it can, and says why it cannot write the others', async () => {
    const e = io();
    expect(await runCli(['export', '--format', 'svg', 'x.svg'], {}, e.io)).toBe(2);
    expect(e.err[0]).toMatch(
      /^deep-labour: the command line cannot write SVG image: it is the picture the explorer draws on screen/,
    );
  });
});
