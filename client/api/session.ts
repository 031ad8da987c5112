// The signed-in editor's token, kept for this browser tab only (sessionStorage: closing the tab signs out).
const KEY = 'deep-labour-token';

export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setSessionToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage refused (private mode): the token lives until the page reloads */
  }
}
