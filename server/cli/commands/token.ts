// deep-labour token: makes, lists and revokes API tokens.
import { readConfig } from '../../config.js';
import { connectDatabase, type Database } from '../../db/index.js';
import { createToken, listTokens, revokeToken, TokenError } from '../../auth/token-store.js';
import { UsageError, type Io, cliAuthor, parseArgs, confirmed } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const tokenCommand: CliCommand = {
  name: 'token',
  usage: `  deep-labour token create --name NAME --role reader|editor|admin
                                                            make an API token (printed once; the store keeps only its hash)
  deep-labour token list                                    list the tokens: name, role, made when, revoked
  deep-labour token revoke <name> [--yes]                   stop a token at once (asks first)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  const { positional, flags, options } = parseArgs(rest, ['--yes'], ['--name', '--role']);
  /** Runs `work` on the store; a refused token operation is said, and changes nothing. */
  const onStore = async (work: (db: Database, uri: string) => Promise<number>): Promise<number> => {
    const conn = await connectDatabase(readConfig(env), io.err);
    try {
      return await work(conn.db, conn.uri);
    } catch (e) {
      if (e instanceof TokenError) {
        io.err(`deep-labour: ${e.message}; nothing was done.`);
        return 1;
      }
      throw e;
    } finally {
      await conn.close();
    }
  };
  if (action === 'create') {
    const name = options.get('--name');
    const role = options.get('--role');
    if (!name || !role || positional.length)
      throw new UsageError('deep-labour: token create takes --name NAME and --role reader|editor|admin');
    return onStore(async (db, uri) => {
      const secret = await createToken(db, name, role, cliAuthor(undefined, env));
      io.err(
        `deep-labour: made ${role} token "${name}" in ${uri}. It is printed once, below, and the store keeps only its hash: keep it in a password manager.`,
      );
      io.out(secret);
      return 0;
    });
  }
  if (action === 'list') {
    if (positional.length || options.size) throw new UsageError('deep-labour: token list takes no argument');
    return onStore(async (db) => {
      const tokens = await listTokens(db);
      if (!tokens.length)
        io.out('deep-labour: no token yet; deep-labour token create --name NAME --role editor makes one');
      for (const t of tokens)
        io.out(
          `${t.name}\t${t.role}\tmade ${t.createdAt}${t.createdBy ? ` by ${t.createdBy}` : ''}${t.revokedAt ? `\tREVOKED ${t.revokedAt}` : ''}`,
        );
      return 0;
    });
  }
  if (action === 'revoke') {
    if (positional.length !== 1 || options.size)
      throw new UsageError('deep-labour: token revoke takes one token name (deep-labour token list shows them)');
    const name = positional[0]!;
    return onStore(async (db, uri) => {
      if (
        !(await confirmed(
          flags,
          io,
          `deep-labour: revoke will stop token "${name}" at once in ${uri}: whoever uses it can no longer read (if reads need a token) or change anything. Its name stays in the history.`,
        ))
      )
        return 1;
      await revokeToken(db, name);
      io.out(`deep-labour: revoked token "${name}"`);
      return 0;
    });
  }
  throw new UsageError(`deep-labour: token takes create, list or revoke${action ? `, not "${action}"` : ''}`);
}
