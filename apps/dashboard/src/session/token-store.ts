const KEY = 'send-dashboard.token';

/**
 * The bearer token lives in sessionStorage: it goes when the tab closes, and is never written
 * anywhere the server or another site could read it back.
 */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string): void => sessionStorage.setItem(KEY, token),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/**
 * A sign-in link (`/dashboard/#token=…`, printed by `npm run token`) hands over its token once:
 * it is kept for the session and taken out of the address bar and history at once, so it is not
 * left on a projected screen or in a bookmark.
 */
export function takeTokenFromAddress(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  tokenStore.set(decodeURIComponent(match[1]));
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

/**
 * An e-mailed sign-in link (`/dashboard/#sign-in=<code>`) carries a one-time code, not a token.
 * It is taken out of the address bar and history before it is handed in, so a reload or the
 * back button cannot hand it in again, and nobody reads it off the screen.
 */
export function takeSignInCodeFromAddress(): string | null {
  const match = /(?:^#|&)sign-in=([^&]+)/.exec(window.location.hash);
  if (!match) return null;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  return decodeURIComponent(match[1]);
}
