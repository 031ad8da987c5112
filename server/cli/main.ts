// Entry point of the deep-labour command.
import { runCli } from './deep-labour.js';

// A reader that stops reading early (`deep-labour sources | head`) closes the pipe. The command still runs to its end
// (an import commits or rolls back as a whole, and its exit code says which) and writes nothing more to stdout,
// instead of dying of an unhandled EPIPE part-way.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
});

process.exitCode = await runCli(process.argv.slice(2));
