import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { get, send, setToken } from './api';

/** How the API wants us to sign in (GET /api/v1/web/config). */
export interface WebConfig {
  authMode: 'dev' | 'oidc';
  oidc: { authority: string; clientId: string | null; scope: string } | null;
}

export interface DevGebruiker {
  userId: string;
  naam: string;
  rollen: string[];
  teamleider: boolean;
  omschrijving: string;
}

export type Rol = 'contactpersoon' | 'jph' | 'huisarts' | 'beleid' | 'beheer';

/** Who is signed in (GET /api/v1/ik). */
export interface Ik {
  userId: string;
  naam: string;
  rollen: Rol[];
  teamleider: boolean;
  vandaag: string;
  praktijk: { praktijkId: string; naam: string } | null;
}

/**
 * Only the bearer token is kept, in this tab's sessionStorage, so a reload keeps you signed in;
 * it goes at logout or when the tab closes. No personal data is ever stored in the browser.
 */
const TOKEN_KEY = 'gezinsplan.token';

export const hasSession = (): boolean => sessionStorage.getItem(TOKEN_KEY) !== null;

export function restoreToken(): boolean {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  setToken(stored);
  return stored !== null;
}

function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  setToken(token);
}

export const loadConfig = () => get<WebConfig>('/web/config');
export const whoAmI = () => get<Ik>('/ik');

export async function devGebruikers(): Promise<DevGebruiker[]> {
  return (await get<{ items: DevGebruiker[] }>('/dev/gebruikers')).items;
}

export async function devLogin(userId: string): Promise<void> {
  const { data } = await send('POST', '/dev/tokens', { userId });
  keepToken(data.token as string);
}

const CALLBACK_PATH = '/auth/callback';

function userManager(config: WebConfig): UserManager {
  const oidc = config.oidc!;
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId!,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/inloggen`,
    response_type: 'code',
    scope: oidc.scope,
    // The PKCE verifier lives in this tab only, for the one redirect; the tokens in memory.
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
}

export const isOidcCallback = () => location.pathname === CALLBACK_PATH;

export async function oidcLogin(config: WebConfig): Promise<void> {
  await userManager(config).signinRedirect();
}

/** Back from the identity provider: trade the code (and our PKCE verifier) for the tokens. */
export async function oidcCallback(config: WebConfig): Promise<void> {
  const user = await userManager(config).signinRedirectCallback();
  keepToken(user.access_token);
  history.replaceState(null, '', '/');
}

/**
 * Forget everything: the token, this tab's storage, and (by loading the login page anew) every
 * piece of data held in memory. With OIDC, end the session at the identity provider too.
 */
export async function logout(config: WebConfig | null): Promise<void> {
  sessionStorage.clear();
  setToken(null);
  if (config?.authMode === 'oidc' && config.oidc?.clientId) {
    try {
      const manager = userManager(config);
      await manager.removeUser();
      await manager.signoutRedirect();
      return;
    } catch {
      // No end-session endpoint: the local logout is all there is.
    }
  }
  location.assign('/inloggen');
}
