// Debian's chromium, headless, through playwright-core: one persistent context, offline but for the origins
// given (the runtime first, and the OpenID provider where a test signs in). A page error, or any other address
// the runtime's page asked for, is counted in `state` (pageErrors, external) for the tests to assert on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export async function launch(origins, state, locale = 'id-ID') {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'formasi-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    locale,
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => { state.pageErrors = (state.pageErrors || 0) + 1; console.error('page error:', e.message); });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.some((origin) => url.startsWith(origin)) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    // Counted only when the page itself asks (the provider's own sign-in pages may load their fonts).
    let from = '';
    try { from = route.request().frame().url(); } catch (e) { from = ''; }
    if (!from || from.startsWith(origins[0])) state.external = url;
    return route.abort();
  });
  return { context, page };
}
