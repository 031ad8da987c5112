// Entry point of the deep-labour command.
import { runCli } from './deep-labour.js';

process.exitCode = await runCli(process.argv.slice(2));
