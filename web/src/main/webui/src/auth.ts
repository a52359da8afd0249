import Keycloak from 'keycloak-js';

export interface ClientConfig {
  oidc: { url: string; realm: string; clientId: string };
}

export interface Me {
  subject: string;
  name: string;
  roles: string[];
  outletId?: string;
}

let keycloak: Keycloak | null = null;

/** Authorization code + PKCE (S256) at Keycloak; no password ever passes through these pages. */
export async function startAuth(config: ClientConfig): Promise<void> {
  keycloak = new Keycloak({ url: config.oidc.url, realm: config.oidc.realm, clientId: config.oidc.clientId });
  await keycloak.init({
    onLoad: 'check-sso',
    // a session at Keycloak is found in a hidden frame, without leaving the page
    silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
    // no answer from the hidden frame this soon: go on logged out rather than keep a blank page
    messageReceiveTimeout: 5000,
    pkceMethod: 'S256',
    checkLoginIframe: false,
    // the code comes back in the query: the #fragment is the page's own route
    responseMode: 'query',
  });
}

export function me(): Me | null {
  const token = keycloak?.tokenParsed as
    | { sub?: string; preferred_username?: string; realm_access?: { roles?: string[] }; outlet_id?: string }
    | undefined;
  if (!keycloak?.authenticated || !token?.sub) return null;
  return {
    subject: token.sub,
    name: token.preferred_username ?? token.sub,
    roles: token.realm_access?.roles ?? [],
    outletId: token.outlet_id,
  };
}

export function login(): void {
  void keycloak?.login({ redirectUri: window.location.href });
}

export function logout(): void {
  void keycloak?.logout({ redirectUri: window.location.origin + '/' });
}

/** A fresh access token (refreshed when it has under 30 s left), or null when not logged in. */
export async function accessToken(): Promise<string | null> {
  if (!keycloak?.authenticated) return null;
  try {
    await keycloak.updateToken(30);
  } catch {
    return null;
  }
  return keycloak.token ?? null;
}
