// The deep-labour command: finds the command named (server/cli/commands/) and runs it against NEO4J_URI or the embedded Neo4j.
import { ConfigError } from '../config.js';
import { DatabaseError, EmbeddedNeo4jError, StoreIdentityError } from '../db/index.js';
import { defaultIo, UsageError, type Io } from './cli-support.js';
import { CLI_COMMANDS } from './commands/index.js';

export { UsageError } from './cli-support.js';

const USAGE = `usage:
${CLI_COMMANDS.map((c) => c.usage).join('\n')}

Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD) when set, else starts the embedded Neo4j. The history names the author of
an import or removal as --author says, else DEEP_LABOUR_AUTHOR, else "command line" (never the system's user name).`;

/** Runs one command; resolves to the process exit code. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = defaultIo(),
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const found = CLI_COMMANDS.find((c) => c.name === command);
    if (!found) throw new UsageError(`deep-labour: unknown command "${command}"`);
    return await found.run(rest, env, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError || e instanceof StoreIdentityError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof DatabaseError) {
      const cause = e.cause as { code?: string; message?: string } | undefined;
      io.err(
        cause?.code
          ? `${e.message} (Neo4j said: ${cause.code}${e.code === 'DATABASE_ERROR' || e.code === 'OUT_OF_MEMORY' ? ` ${cause.message ?? ''}` : ''})`
          : e.message,
      );
      return 1;
    }
    throw e;
  }
}
