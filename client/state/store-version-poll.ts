// Follows the store's version: asks it every so often and, when anyone's edit or import changed it, has the page redraw.
// The page's own writes go through `quiet` and its own redraws through `redraw`, so the poll says nothing while the page
// writes and redraws after its own edit (it once announced "the evidence changed" over "Saved" when it read the new
// version first: between a form's first change, e.g. a new source, and the redraw after its last).
import { graphql } from '../api/graphql-client.js';
import { STORE_VERSION } from '../api/operations.js';
import { latestAnswerFor } from './latest-answer.js';

export interface StoreVersionPoll {
  /** Runs a redraw of this page's making: takes the version it reads first, and keeps the poll quiet until it ends. */
  redraw(draw: () => Promise<void>): Promise<void>;
  /**
   * Runs this page's own writes (and the redraw after them): the poll says nothing until they end, and a read asked
   * before or during them does not count. A write that fails half-way leaves the poll to notice what it changed.
   */
  quiet<T>(work: () => Promise<T>): Promise<T>;
  /** Reads the version now, then every `everyMs` while the page is visible. */
  start(): void;
}

export interface PollOptions {
  /** Someone else changed the evidence: redraw (through `redraw`) and say so. */
  changed: () => Promise<void>;
  /** The store's version; by default the API's `storeVersion`. */
  read?: () => Promise<string | null>;
  /** By default, whether the tab is hidden. */
  hidden?: () => boolean;
  everyMs?: number;
}

const readStoreVersion = async () => (await graphql<{ storeVersion: string | null }>(STORE_VERSION)).storeVersion;

export function createStoreVersionPoll(options: PollOptions): StoreVersionPoll {
  const p = { read: readStoreVersion, hidden: () => document.hidden, everyMs: 10_000, ...options };
  /** Each of the page's own redraws starts a new round: a read counts only for the round it was asked in. */
  let round = 0;
  const ask = latestAnswerFor(() => round);
  let version: string | null | undefined;
  let redrawing = 0;
  const take = (read: { value: string | null; latest: boolean } | null) => {
    if (read?.latest) version = read.value;
  };
  const tick = async () => {
    if (p.hidden() || redrawing) return;
    const { value, latest } = await ask(p.read(), round);
    if (!latest || redrawing) return;
    const before = version;
    version = value;
    if (before !== undefined && value !== before) await p.changed();
  };
  return {
    async redraw(draw) {
      redrawing += 1;
      round += 1;
      try {
        take(await ask(p.read(), round).catch(() => null));
        await draw();
      } finally {
        redrawing -= 1;
      }
    },
    async quiet(work) {
      redrawing += 1;
      round += 1;
      try {
        return await work();
      } finally {
        redrawing -= 1;
      }
    },
    start() {
      void ask(p.read(), round).then(take, () => {});
      setInterval(() => {
        tick().catch(() => {});
      }, p.everyMs);
    },
  };
}
