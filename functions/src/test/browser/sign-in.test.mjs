// Sign-in in a real browser: the review page against the local runtime with sign-in on, and a real OpenID
// provider (oidc-issuer.mjs). The code flow with PKCE as a reader, whose approval is refused with the missing
// role, and as an approver, who reviews and approves in the same tab; an expired session asks to sign in
// again. FORMASI_URL: the runtime; ISSUER_URL: the provider; SCREENSHOT_DIR: where the screenshots go.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

const BASE = (process.env.FORMASI_URL || 'http://localhost:8080').replace(/\/$/, '');
const ISSUER = (process.env.ISSUER_URL || 'http://localhost:8081').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOT_DIR || path.resolve('screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

let context;
let page;
const state = {};
let loads = 0;
const open = (hash = '#/plans') => page.goto(`${BASE}/?load=${++loads}${hash}`);
const shot = (name) => page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
const text = (testid) => page.getByTestId(testid).first().innerText();

/** The API as the signed-in page calls it: with the ID token the page holds. */
const inPage = (route) => page.evaluate(async (r) => {
  const session = JSON.parse(sessionStorage.getItem('formasi.session'));
  const answer = await fetch(r, { headers: { Authorization: 'Bearer ' + session.idToken } });
  return { status: answer.status, body: await answer.json() };
}, route);

async function solvedPlan() {
  for (const end = Date.now() + 90_000; Date.now() < end; await new Promise((r) => setTimeout(r, 300))) {
    const plans = (await inPage('/plans')).body.items;
    const solved = plans.find((p) => p.status === 'SOLVED');
    if (solved) return solved;
  }
  throw new Error('no plan SOLVED within 90 s');
}

/** Masuk, the provider's own sign-in and consent pages, and back on the page signed in. */
async function signInAs(login) {
  await open();
  await page.getByTestId('sign-in').click();
  await page.waitForURL((url) => url.href.startsWith(ISSUER));
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('rahasia');
  await page.locator('button[type=submit]').click();
  // The provider asks to consent to the scopes once per person; then it sends the browser back with a code.
  for (let i = 0; i < 3 && !page.url().startsWith(BASE); i++) {
    await page.waitForLoadState();
    if (page.url().startsWith(ISSUER)) await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.href.startsWith(BASE), { timeout: 5_000 }).catch(() => {});
  }
  await page.getByTestId('person').waitFor();
  assert.ok(!page.url().includes('code='), 'the code leaves the address once it is traded');
}

before(async () => {
  ({ context, page } = await launch([BASE, ISSUER], state));
});

after(async () => {
  if (context) await context.close();
});

test('before sign-in the page asks to sign in, and the API answers 401 without a token', async () => {
  await open();
  await page.getByTestId('sign-in-prompt').waitFor();
  assert.match(await text('sign-in-prompt'), /Masuk untuk meninjau rencana/);
  assert.equal(await text('sign-in'), 'Masuk');
  assert.equal((await fetch(BASE + '/plans')).status, 401);
  const config = await (await fetch(BASE + '/config')).json();
  assert.equal(config.auth.issuer, ISSUER);
  await shot('21-sign-in');
});

test('a reader signs in with the code flow and PKCE, reads the plan, and is told approving needs penyetuju', async () => {
  await signInAs('budi');
  assert.equal(await text('person'), 'Budi Pengamat');
  assert.equal(await text('role'), 'pengamat');
  const plan = await solvedPlan();
  state.planId = plan.planId;
  await open('#/plans/' + plan.planId);
  await page.getByTestId('approve').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('banner-text').waitFor();
  const banner = await text('banner-text');
  assert.match(banner, /^Tidak diizinkan \(403\)/);
  assert.match(banner, /perlu peran penyetuju/);
  assert.equal((await inPage('/plans/' + plan.planId)).body.status, 'SOLVED', 'the refused approval changed nothing');
  await shot('22-reader-approve-refused');
  await page.getByTestId('sign-out').click();
  // The provider asks to confirm ending its session, then sends the browser back to the page.
  await page.waitForURL((url) => url.href.startsWith(ISSUER));
  await page.locator('button[type=submit]').first().click();
  await page.getByTestId('sign-in-prompt').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('formasi.session')), null);
});

test('an approver signs in (English), reviews and approves in the same tab; the audit names them', async () => {
  await open();
  await page.getByTestId('lang').click();
  assert.equal(await text('sign-in'), 'Sign in');
  await signInAs('citra');
  assert.equal(await text('role'), 'penyetuju (approver)');
  await open('#/plans/' + state.planId + '/moves');
  await page.getByTestId('approve').waitFor();
  await page.getByTestId('comment').fill('approved in one tab');
  await page.getByTestId('approve').click();
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('banner-text').waitFor();
  const plan = (await inPage('/plans/' + state.planId)).body;
  assert.equal(plan.status, 'APPROVED');
  assert.equal(plan.audit.at(-1).actor, 'Citra Penyetuju');
  await open();
  await page.locator(`tr[data-plan="${state.planId}"]`).waitFor();
  assert.match(await page.locator(`tr[data-plan="${state.planId}"]`).innerText(), /Citra Penyetuju/);
  await shot('23-approver-approved');
});

test('an expiring ID token is renewed with the refresh token, without asking anyone', async () => {
  const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('formasi.session')));
  assert.ok(before.refreshToken, 'the provider gave a refresh token with the code');
  await page.evaluate((s) => sessionStorage.setItem('formasi.session', JSON.stringify({ ...s, expiresAt: Date.now() - 1000 })), before);
  await open();
  await page.locator(`tr[data-plan="${state.planId}"]`).waitFor();
  const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('formasi.session')));
  assert.notEqual(after.idToken, before.idToken);
  assert.ok(after.expiresAt > Date.now());
  assert.equal(await text('person'), 'Citra Penyetuju');
});

test('an expired session without a refresh token asks to sign in again', async () => {
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('formasi.session'));
    sessionStorage.setItem('formasi.session', JSON.stringify({ ...session, expiresAt: Date.now() - 1000, refreshToken: null }));
  });
  await open();
  await page.getByTestId('sign-in-prompt').waitFor();
  assert.match(await text('sign-in-prompt'), /Your session has ended: sign in again/);
  assert.match(await text('banner-text'), /session has ended/);
  await shot('24-session-ended');
  assert.equal(state.pageErrors || 0, 0, 'no script error on the page');
  assert.equal(state.external, undefined, 'nothing asked outside the runtime and the provider');
});
