// npm run neo4j: the embedded Neo4j alone, in the foreground, until Ctrl-C; says how to connect to it.
import { ConfigError, readConfig } from './config.js';
import { EmbeddedNeo4jError, startOwnStore, StoreIdentityError } from './db/index.js';

try {
  const config = readConfig();
  if (config.neo4j) {
    process.stderr.write(
      `neo4j: NEO4J_URI is set (${config.neo4j.uri}), so this project uses that server; unset it to run the embedded one\n`,
    );
    process.exit(1);
  }
  const own = await startOwnStore({ ...config.embedded, log: (l) => process.stdout.write(`${l}\n`) });
  process.stdout.write(
    [
      'neo4j: to connect with Neo4j Browser, cypher-shell or a driver:',
      `  URI       ${own.connection.uri}`,
      `  user      ${own.connection.user}`,
      `  password  in ${own.files.passwordFile} (readable by you only)`,
      `  e.g.      cypher-shell -a ${own.connection.uri} -u ${own.connection.user} -p "$(cat ${own.files.passwordFile})"`,
      '',
    ].join('\n'),
  );
  const stop = () => void own.neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.exitCode = (await own.neo4j.exited) ?? 0;
} catch (e) {
  if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError || e instanceof StoreIdentityError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
