// What every resolver receives.
import type { Database } from '../db/index.js';

export interface Context {
  db: Database;
  /** Today's date as YYYY-MM-DD: the default `asOf`. */
  today: string;
}
