// Who is signed in on this tab: the caller a token names, checked with the API and kept for the tab; the one owner of that state.
import { ApiError, graphql } from '../api/graphql-client.js';
import { ME } from '../api/operations.js';
import { sessionToken, setSessionToken } from '../api/session.js';

export interface Caller {
  name: string;
  role: string;
}

export interface SignedIn {
  caller(): Caller | null;
  /** Editors and admins change the evidence; readers read and save investigations. */
  canEdit(): boolean;
  /** Checks the token with the API and keeps it for the tab; refuses (UNAUTHENTICATED) one that names no one. */
  signIn(token: string): Promise<Caller>;
  signOut(): void;
  /** Whether a token was kept from earlier in this tab. */
  kept(): boolean;
  /** Asks who the kept token names; false when the API refuses it (it is then forgotten). */
  restore(): Promise<boolean>;
}

export function createSignedIn(): SignedIn {
  let caller: Caller | null = null;
  return {
    caller: () => caller,
    canEdit: () => caller !== null && caller.role !== 'reader',
    async signIn(token) {
      const { me } = await graphql<{ me: Caller | null }>(ME, {}, '/graphql', token);
      if (!me) throw new ApiError('UNAUTHENTICATED', 'That is not a token; paste it as it was printed');
      setSessionToken(token);
      caller = me;
      return me;
    },
    signOut() {
      setSessionToken(null);
      caller = null;
    },
    kept: () => sessionToken() !== null,
    async restore() {
      try {
        caller = (await graphql<{ me: Caller | null }>(ME)).me;
        return true;
      } catch {
        setSessionToken(null);
        caller = null;
        return false;
      }
    },
  };
}
