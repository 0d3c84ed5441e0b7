// A real OpenID provider for the sign-in tests (npm's oidc-provider): the review page as one public client
// (no secret, code flow with PKCE S256), and three people, one per role, whose ID tokens carry the claims
// Cognito's do (name, email, cognito:groups, custom:tenant). ISSUER_PORT: where it listens; PAGE_URL: the
// page's address, its redirect and sign-out URI; CLIENT_ID. Prints "issuer ready <url>" once it listens.
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.ISSUER_PORT || 0);
const page = process.env.PAGE_URL;
const issuer = `http://localhost:${port}`;
// The tiny sample's tenant; people named by their login.
const PEOPLE = {
  budi: { name: 'Budi Pengamat', email: 'budi@example.go.id', 'cognito:groups': ['pengamat'] },
  ani: { name: 'Ani Perencana', email: 'ani@example.go.id', 'cognito:groups': ['perencana'] },
  citra: { name: 'Citra Penyetuju', email: 'citra@example.go.id', 'cognito:groups': ['penyetuju'] },
};
const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.CLIENT_ID || 'formasi-page',
    token_endpoint_auth_method: 'none',
    redirect_uris: [page],
    post_logout_redirect_uris: [page],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  }],
  pkce: { required: () => true },
  // A refresh token with every code, as Cognito gives one.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  claims: {
    openid: ['sub', 'cognito:groups', 'custom:tenant'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // The claims of the scopes asked go into the ID token itself, as Cognito's do.
  conformIdTokenClaims: false,
  async findAccount(ctx, id) {
    return {
      accountId: id,
      claims: async () => ({ sub: id, 'custom:tenant': '9901', email_verified: true, ...(PEOPLE[id] || { name: id }) }),
    };
  },
  jwks: { keys: [{ ...key, kid: 'formasi-test', alg: 'RS256', use: 'sig' }] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  // The page calls the token endpoint from its own origin.
  clientBasedCORS: () => true,
  cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
  ttl: { IdToken: 600, AccessToken: 600, Session: 3600, Grant: 3600, Interaction: 600 },
});
provider.listen(port, 'localhost', () => console.log(`issuer ready ${issuer}`));
