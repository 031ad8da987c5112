// What a deep-labour command is: one module each in server/cli/commands/, listed once in index.ts.
import type { Io } from '../cli-support.js';

export interface CliCommand {
  /** The first word after deep-labour. */
  name: string;
  /** Its lines of the usage text, each starting "  deep-labour <name>". */
  usage: string;
  /** Runs it; resolves to the process exit code. Throws UsageError for wrong arguments. */
  run: (args: string[], env: NodeJS.ProcessEnv, io: Io) => Promise<number> | number;
}
