// A TCP port on 127.0.0.1 that nothing listens on, for the test Neo4j, test servers and the benchmark.
import { createServer } from 'node:net';

/** Asks the OS for a port nobody uses. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
