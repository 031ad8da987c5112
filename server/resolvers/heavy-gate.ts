// At most a few heavy queries run at once; the others wait briefly, then are told the server is busy. Pure (timers only).
import { GraphQLError } from 'graphql';

export interface HeavyGate {
  /** Runs `work` when a place is free, or throws SERVER_BUSY after waiting `waitMs`. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Places in use and requests waiting, for health checks and tests. */
  load(): { running: number; waiting: number };
}

export function createHeavyGate(concurrency: number, waitMs: number): HeavyGate {
  let running = 0;
  const queue: { start: () => void; timer: ReturnType<typeof setTimeout> }[] = [];
  const release = () => {
    running -= 1;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };
  return {
    async run(work) {
      if (running >= concurrency) {
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: () => {
              running += 1;
              resolve();
            },
            timer: setTimeout(() => {
              queue.splice(queue.indexOf(entry), 1);
              reject(
                new GraphQLError(
                  `The server is busy with ${concurrency} heavy queries; try again in a few seconds, or ask for less (a smaller depth or limit)`,
                  { extensions: { code: 'SERVER_BUSY', http: { status: 503 } } },
                ),
              );
            }, waitMs),
          };
          queue.push(entry);
        });
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: queue.length }),
  };
}
