// Sign-in with the OpenID provider that GET /config names: the authorization-code flow with PKCE (S256), as a
// public client (no secret). The tokens stay in this tab (sessionStorage); the API gets the ID token, whose
// name or email the audit shows and whose groups claim gives the role.

const SESSION = 'formasi.session';
const PENDING = 'formasi.signin';
const ROLES = ['pengamat', 'perencana', 'penyetuju'];
const EARLY_MS = 30_000; // renew a little before the token expires, not after a refused call

let settings = null; // { issuer, clientId, scopes, groupsClaim } when sign-in is on
let provider = null; // the issuer's discovery document
let expired = false; // the session ended without a way to renew it

/** Reads the settings and, back from the provider, trades the code for tokens. Returns an error text or null. */
export async function startAuth() {
  const answer = await fetch('/config');
  settings = answer.ok ? (await answer.json()).auth : null;
  if (!settings) return null;
  const discovery = await fetch(settings.issuer.replace(/\/+$/, '') + '/.well-known/openid-configuration');
  if (!discovery.ok) throw new Error('OpenID discovery ' + discovery.status);
  provider = await discovery.json();
  const query = new URLSearchParams(location.search);
  if (!query.get('code') && !query.get('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + ((pending && pending.back) || '#/plans'));
  if (query.get('error')) return query.get('error_description') || query.get('error');
  if (!pending || pending.state !== query.get('state')) return 'state';
  const tokens = await tokenRequest({
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
    client_id: settings.clientId, code_verifier: pending.verifier,
  });
  if (!tokens || !tokens.id_token || claimsOf(tokens.id_token).nonce !== pending.nonce) return 'token';
  keep(tokens);
  return null;
}

export const authOn = () => settings != null;
export const sessionExpired = () => expired;
const redirectUri = () => location.origin + location.pathname;

/** To the provider's sign-in page; back here at the same view. */
export async function signIn() {
  const verifier = random(32);
  const pending = { verifier, state: random(16), nonce: random(16), back: location.hash || '#/plans' };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: settings.scopes.join(' '),
    state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(provider.authorization_endpoint + '?' + query);
}

/** Forgets the tokens and ends the provider's session too, so the next sign-in may be someone else. */
export function signOut() {
  const session = current();
  sessionStorage.removeItem(SESSION);
  expired = false;
  const back = redirectUri();
  if (provider.end_session_endpoint && session) {
    location.assign(provider.end_session_endpoint + '?' + new URLSearchParams({
      id_token_hint: session.idToken, post_logout_redirect_uri: back, client_id: settings.clientId }));
  } else if (/\/oauth2\/authorize$/.test(provider.authorization_endpoint)) {
    // Cognito's hosted UI has no end_session_endpoint; its /logout takes the client and a sign-out URL.
    location.assign(provider.authorization_endpoint.replace(/\/oauth2\/authorize$/, '/logout') + '?'
      + new URLSearchParams({ client_id: settings.clientId, logout_uri: back }));
  } else location.assign(back);
}

/** The ID token for the API, renewed with the refresh token when it is about to expire; null when none. */
export async function idToken() {
  const session = current();
  if (!session) return null;
  if (Date.now() < session.expiresAt - EARLY_MS) return session.idToken;
  return renew();
}

/** A new ID token by the refresh token; without one (or refused) the session ends and the page asks to sign in. */
export async function renew() {
  const session = current();
  const tokens = session && session.refreshToken ? await tokenRequest({
    grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: settings.clientId }) : null;
  if (tokens && tokens.id_token) return keep(tokens, session.refreshToken).idToken;
  if (session) expired = true;
  sessionStorage.removeItem(SESSION);
  return null;
}

/** Who is signed in: name (or email), the groups and the highest role among them; null when nobody. */
export function person() {
  const session = current();
  if (!session) return null;
  const claims = claimsOf(session.idToken);
  const raw = claims[settings.groupsClaim];
  const groups = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.replace(/[[\]"]/g, '').split(/[\s,]+/).filter(Boolean) : [];
  const role = [...ROLES].reverse().find((r) => groups.includes(r)) || null;
  return { name: claims.name || claims.email || claims.sub, role };
}

function current() { return JSON.parse(sessionStorage.getItem(SESSION) || 'null'); }
function keep(tokens, refreshToken) {
  const session = { idToken: tokens.id_token, refreshToken: tokens.refresh_token || refreshToken || null,
    expiresAt: claimsOf(tokens.id_token).exp * 1000 };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  expired = false;
  return session;
}
async function tokenRequest(form) {
  const answer = await fetch(provider.token_endpoint, { method: 'POST', body: new URLSearchParams(form),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  return answer.ok ? answer.json() : null;
}
function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
function random(n) { return base64url(crypto.getRandomValues(new Uint8Array(n))); }
function base64url(bytes) { return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
