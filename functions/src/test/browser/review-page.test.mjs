// The planners' review page in a real browser (Debian's chromium, driven by playwright-core), against the
// local runtime with the synthetic Balikpapan sample. FORMASI_URL: the runtime; SCREENSHOT_DIR: where each
// view's screenshot goes (not committed). Each step asserts what the page shows against the API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './browser.mjs';

const BASE = (process.env.FORMASI_URL || 'http://localhost:8080').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOT_DIR || path.resolve('screenshots');
const SAMPLE_DIR = process.env.SAMPLES_DIR || path.resolve('../../../../samples');
fs.mkdirSync(SHOTS, { recursive: true });

let context;
let page;
const state = {};

async function api(method, route, body) {
  const response = await fetch(BASE + route, {
    method, headers: { 'Content-Type': 'application/json', 'X-Formasi-User': 'test-api' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
const getJson = async (route) => (await api('GET', route)).body;
async function allItems(route) {
  const items = [];
  for (let offset = 0; ; ) {
    const p = await getJson(`${route}?offset=${offset}&limit=1000`);
    items.push(...p.items);
    if (p.next == null) return items;
    offset = p.next;
  }
}
async function awaitStatus(planId, statuses, ms = 90_000) {
  const end = Date.now() + ms;
  for (;;) {
    const plan = await getJson('/plans/' + planId);
    if (statuses.includes(plan.status)) return plan;
    if (Date.now() > end) throw new Error(`plan ${planId} still ${plan.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
// A full page load each time (a new query), so no step sees the previous view still on screen.
let loads = 0;
const open = (hash = '', p = page) => p.goto(`${BASE}/?load=${++loads}${hash}`);
const shot = (name, p = page) => p.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
const text = (selector, p = page) => p.locator(selector).first().innerText();
const fmt = (n) => Number(n).toLocaleString('id-ID');

before(async () => {
  // Offline: nothing but the runtime may be asked for.
  ({ context, page } = await launch([BASE], state));
});

after(async () => {
  if (context) await context.close();
});

test('the plan list shows the sample plan, solved, with its score and status', async () => {
  const list = await getJson('/plans');
  assert.ok(list.items.length >= 1, 'the runtime queued a first plan for the sample');
  state.first = list.items[list.items.length - 1].planId;
  const solved = await awaitStatus(state.first, ['SOLVED']);
  await open();
  await page.getByTestId('plans').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  const row = page.locator(`tr[data-plan="${state.first}"]`);
  await row.waitFor();
  assert.equal(await row.getByTestId('status').innerText(), 'Selesai');
  assert.match(await row.getByTestId('plan-score').innerText(), new RegExp(`${fmt(solved.score.shortage)} kekurangan`));
  assert.equal(await page.title(), 'Formasi — Rencana');
  await shot('01-plans');
});

async function uploadWithAnError() {
  const bad = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'tiny.json'), 'utf8'));
  bad.snapshotId = 'upload-with-an-error';
  bad.staff[0].job = 'NOPE';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'formasi-upload-')), 'bad.json');
  fs.writeFileSync(file, JSON.stringify(bad));
  await page.getByTestId('snapshot-file').setInputFiles(file);
  await page.getByTestId('budget').fill('0');
  await page.getByTestId('submit-plan').click();
  await page.getByTestId('error-snapshot').locator('li').first().waitFor();
}

test('a rejected upload shows its validation errors next to the fields, in Bahasa Indonesia', async () => {
  await uploadWithAnError();
  assert.match(await text('[data-testid="error-snapshot"]'), /snapshot\.staff\[0\]\.job: jabatan "NOPE" tidak dikenal/);
  assert.match(await text('[data-testid="error-budgetSeconds"]'), /budgetSeconds: harus 1\.\.\d+ detik/);
  // One language in the headline too: no English count after the Indonesian lead-in.
  const result = await text('[data-testid="submit-result"]');
  assert.match(result, /^Permintaan ditolak \(400\): permintaan rencana memuat \d+ kesalahan$/);
  const after = await getJson('/plans');
  assert.equal(after.items.filter((p) => p.snapshotId === 'upload-with-an-error').length, 0, 'nothing stored');
  await shot('02-upload-errors');
});

test('the same rejected upload in English', async () => {
  await open('#/plans');
  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await uploadWithAnError();
  assert.match(await text('[data-testid="error-snapshot"]'), /snapshot\.staff\[0\]\.job: unknown job "NOPE"/);
  assert.match(await text('[data-testid="error-budgetSeconds"]'), /budgetSeconds: must be 1\.\.\d+ seconds/);
  assert.match(await text('[data-testid="submit-result"]'), /^Request refused \(400\): the plan request has \d+ error\(s\)$/);
  await shot('02-upload-errors-english');
  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'id');
});

test('a refused workbook lists each cell with its sheet, row and both messages', async () => {
  // A fresh page: the language switch before re-renders the form after the page's language is set, and a
  // file chosen on the form it replaces would be lost.
  await open('#/plans');
  await page.getByTestId('snapshot-file').waitFor();
  await page.getByTestId('snapshot-file').setInputFiles(process.env.BROKEN_WORKBOOK);
  await page.getByTestId('budget').fill('1');
  await page.getByTestId('submit-plan').click();
  await page.getByTestId('error-snapshot').locator('li').first().waitFor();
  assert.match(await text('[data-testid="error-snapshot"]'),
    /pegawai!A2 \(staff\[0\]\.id\): NIP "2,00…" tertulis dalam notasi ilmiah.* \/ NIP "2,00…" is written in scientific notation/);
  assert.match(await text('[data-testid="submit-result"]'), /400/);
  const after = await getJson('/plans');
  assert.equal(after.items.filter((p) => p.snapshotId === 'upload-workbook-error').length, 0, 'nothing stored');
  await shot('02b-workbook-errors');
});

test('a new plan from the stored snapshot shows its progress as a chart while it solves', async () => {
  await open('#/plans');
  const snapshotId = (await getJson('/plans/' + state.first)).snapshotId;
  await page.getByTestId('snapshot-select').selectOption(snapshotId);
  await page.getByTestId('budget').fill('6');
  await page.getByTestId('submit-plan').click();
  await page.waitForURL(/#\/plans\/plan-/);
  state.second = page.url().split('#/plans/')[1];
  await page.getByTestId('progress-chart').waitFor();
  // While it solves: the best score so far, and the chart of it.
  // The flow may prove the optimum before the page polls again: then the solved view stands for it.
  const seen = await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="progress-text"]');
    const dots = document.querySelectorAll('[data-testid="progress-chart"] circle.dot').length;
    if (status && dots >= 1 && /kekurangan berbobot/.test(status.textContent)) return status.textContent;
    return document.querySelector('[data-testid="headline"]') ? 'solved' : false;
  }, null, { timeout: 60_000, polling: 50 });
  const text = await seen.jsonValue();
  // In words and id-ID numbers, never the solver's raw score text.
  if (text !== 'solved') assert.match(text, /waktu \d+(,\d)? s · [\d.]+ pelanggaran · [\d.]+ kekurangan berbobot$/);
  assert.doesNotMatch(text, /hard\/|medium|soft/);
  await shot('03-progress');
  await awaitStatus(state.second, ['SOLVED']);
  // Once solved, the plan shows the chart it drew, with the final best score as its last point.
  await page.getByTestId('headline').waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('[data-testid="progress-chart"] circle.dot').count() >= 1, 'the final best score as a point');
  const final = await getJson('/plans/' + state.second);
  assert.equal(final.status, 'SOLVED');
});

test('the solved plan shows the headline figures the API gives', async () => {
  const id = state.first;
  await open(`#/plans/${id}`);
  await page.getByTestId('headline').waitFor();
  const [plan, formations, moves, leaving, explanation] = await Promise.all([getJson('/plans/' + id),
    allItems(`/plans/${id}/formations`), allItems(`/plans/${id}/moves`), allItems(`/plans/${id}/leaving`), getJson(`/plans/${id}/explanation`)]);
  const sum = (list, key) => list.reduce((s, x) => s + x[key], 0);
  assert.equal(await text('[data-testid="fig-shortage-before"]'), fmt(sum(formations, 'shortageBefore')));
  assert.equal(await text('[data-testid="fig-shortage-after"]'), fmt(sum(formations, 'shortageAfter')));
  // The priority-weighted figure says so, and how it is weighted; surplus says it counts people.
  const weighted = page.locator('[data-figure="shortage-after"]');
  assert.equal(await weighted.locator('.label').innerText(), 'Kekurangan berbobot sesudah');
  assert.match(await weighted.getAttribute('title'), /posisi minimum yang belum terisi dikali prioritas/);
  assert.equal(await text('[data-figure="surplus"] .label'), 'Surplus tersisa (orang)');
  assert.equal(sum(formations, 'shortageAfter'), plan.score.shortage);
  // Kekurangan counts people: the unfilled minimum positions the gaps tab lists, one by one.
  assert.equal(await text('[data-testid="fig-missing-after"]'), fmt(sum(formations, 'missingAfter')));
  assert.equal(sum(formations, 'missingAfter'), sum(explanation.unfilled, 'missing'));
  assert.equal(await text('[data-testid="fig-missing-before"]'), fmt(sum(formations, 'missingBefore')));
  assert.equal(await text('[data-figure="missing-after"] .label'), 'Kekurangan sesudah (orang)');
  assert.equal(await text('[data-testid="fig-moves"]'), fmt(moves.length));
  assert.equal(await text('[data-testid="fig-km"]'), fmt(sum(moves, 'km')));
  assert.equal(await text('[data-testid="fig-leaving"]'), fmt(leaving.length));
  assert.equal(await text('[data-testid="fig-surplus"]'), fmt(sum(explanation.surplus, 'excess')));
  assert.equal(await text('[data-testid="fig-hard"]'), fmt(plan.score.hard));
  const gap = await text('[data-testid="fig-gap"]');
  assert.ok(explanation.optimum.optimal ? gap === 'optimal' : gap.includes(fmt(explanation.optimum.disruptionGap)), gap);
  const health = formations.filter((f) => f.sector === 'HEALTH');
  assert.equal(await text('[data-testid="by-sector"] tr[data-sector="HEALTH"] td:last-child'), fmt(sum(health, 'missingAfter')));
  // The map: one dot per facility with coordinates, each district an approximate area with its name, the
  // moves between districts bundled per ordered pair (their counts add up), in colour steps, names on hover.
  const facilities = await allItems(`/snapshots/${plan.snapshotId}/facilities`);
  assert.equal(await page.locator('[data-testid="map"] circle.facility-dot').count(), facilities.length);
  const districtOf = new Map(facilities.map((f) => [f.facilityId, f.district]));
  const districtNames = await page.locator('[data-testid="district-name"]').evaluateAll((els) => els.map((e) => e.textContent));
  assert.deepEqual(districtNames.sort(), [...new Set(facilities.map((f) => f.district))].sort());
  assert.equal(await page.locator('[data-testid="map"] path.district-area').count(), districtNames.length);
  const bundled = () => page.locator('[data-testid="map"] path.bundle').evaluateAll((els) => els.reduce((n, e) => n + Number(e.dataset.count), 0));
  const between = (list) => list.filter((m) => districtOf.get(m.from) !== districtOf.get(m.to)).length;
  assert.equal(await bundled(), between(moves));
  assert.ok(between(moves) > 0, 'the sample moves people between districts');
  const steps = await page.locator('[data-testid="map"] circle.facility-dot').evaluateAll((els) => new Set(els.map((e) => e.dataset.step)).size);
  assert.ok(steps > 2, `facilities in ${steps} colour steps`);
  // The legend: five steps, each label clear of the next swatch.
  const legend = await page.locator('[data-testid="legend"] .legend-step').evaluateAll((els) => els.map((e) =>
    ({ swatch: e.children[0].getBoundingClientRect(), label: e.children[1].getBoundingClientRect() })));
  assert.equal(legend.length, 5);
  for (const [i, step] of legend.entries()) {
    assert.ok(step.label.left >= step.swatch.right, 'label after its swatch');
    const next = legend[i + 1];
    if (next && next.swatch.top === step.swatch.top) assert.ok(next.swatch.left > step.label.right, 'label clear of the next swatch');
  }
  // Filters: a district draws only the moves touching it, also per facility; a job only its moves.
  const district = districtOf.get(moves[0].to);
  await page.getByTestId('map-district').selectOption(district);
  const touching = moves.filter((m) => districtOf.get(m.from) === district || districtOf.get(m.to) === district);
  assert.equal(await bundled(), between(touching));
  assert.equal(await page.locator('[data-testid="map"] path.move-arrow').count(), touching.length);
  await shot('04a-map-district');
  await page.getByTestId('map-district').selectOption('');
  await page.getByTestId('map-job').selectOption(moves[0].job);
  assert.equal(await bundled(), between(moves.filter((m) => m.job === moves[0].job)));
  await page.getByTestId('map-job').selectOption('');
  const target = moves[0].to;
  await page.locator(`[data-testid="map"] circle[data-facility="${target}"]`).dispatchEvent('mouseenter');
  assert.match(await page.getByTestId('hover-label').evaluate((e) => e.textContent),
    new RegExp('^' + facilities.find((f) => f.facilityId === target).name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.locator(`[data-testid="map"] circle[data-facility="${target}"]`).dispatchEvent('click');
  await page.getByTestId('facility-card').waitFor();
  assert.equal(await text('[data-testid="facility-card"] h3'), facilities.find((f) => f.facilityId === target).name);
  // Keyboard: a focused facility opens with Enter.
  const other = moves[moves.length - 1].from;
  await page.locator(`[data-testid="map"] circle[data-facility="${other}"]`).focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="facility-card"][data-facility="${other}"]`).waitFor();
  state.moves = moves;
  state.formations = formations;
  await shot('04-plan-summary');
  // The README's picture of the plan view: from the top to the end of the map.
  await page.setViewportSize({ width: 1200, height: 860 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('.map-card').boundingBox();
  await page.screenshot({ path: path.join(SHOTS, 'review-page.png'), fullPage: true,
    clip: { x: 0, y: 0, width: 1200, height: Math.ceil(box.y + box.height + 12) } });
  await page.setViewportSize({ width: 1366, height: 860 });
  // A tablet: nothing wider than the screen.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll on a tablet');
  await shot('04b-plan-summary-tablet');
  await page.setViewportSize({ width: 1366, height: 860 });
});

test('formations filter by sector and job, sort, and chart shortage per district', async () => {
  await page.getByTestId('tab-formations').click();
  await page.getByTestId('formations').waitFor();
  const formations = state.formations;
  assert.match(await text('[data-testid="formations-count"]'), new RegExp(`^${fmt(formations.length)} baris`));
  await page.getByTestId('filter-sector').selectOption('HEALTH');
  const health = formations.filter((f) => f.sector === 'HEALTH');
  assert.match(await text('[data-testid="formations-count"]'), new RegExp(`^${fmt(health.length)} baris`));
  const job = health[0].job;
  await page.getByTestId('filter-job').selectOption(job);
  const both = health.filter((f) => f.job === job);
  assert.match(await text('[data-testid="formations-count"]'), new RegExp(`^${fmt(both.length)} baris`));
  const sectors = await page.locator('[data-testid="formations"] tbody tr td:nth-child(3)').allInnerTexts();
  assert.ok(sectors.every((s) => s === 'Kesehatan'), sectors.join());
  // Sorted by shortage after, largest first; a click on the header sorts ascending.
  const column = () => page.locator('[data-testid="formations"] tbody tr td:nth-child(10)').allInnerTexts();
  const desc = (await column()).map(Number);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await page.locator('[data-testid="formations"] button[data-sort="missingAfter"]').click();
  const asc = (await column()).map(Number);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  const districts = new Set(both.map((f) => f.district));
  assert.equal(await page.locator('[data-testid="district-bars"] rect.bar-after').count(), districts.size + 1);
  await shot('05-formations');
});

test('moves filter by job, district, facility and person, each with its reason', async () => {
  const moves = state.moves;
  await page.getByTestId('tab-moves').click();
  await page.getByTestId('moves').waitFor();
  assert.match(await text('[data-testid="moves-count"]'), new RegExp(`^${fmt(moves.length)} baris`));
  const job = moves[moves.length - 1].job;
  await page.getByTestId('moves-job').selectOption(job);
  assert.match(await text('[data-testid="moves-count"]'), new RegExp(`^${fmt(moves.filter((m) => m.job === job).length)} baris`));
  await page.getByTestId('moves-job').selectOption('');
  const one = moves[3];
  await page.getByTestId('moves-person').fill(one.staffId);
  assert.match(await text('[data-testid="moves-count"]'), /^1 baris/);
  assert.equal(await text(`[data-testid="moves"] tr[data-key="${one.staffId}"] .reason`), one.reason.id);
  // People by name with the NIP after it; jobs by name with the code after it; a name finds the person too.
  const snapshotId = (await getJson('/plans/' + state.first)).snapshotId;
  const person = (await allItems(`/snapshots/${snapshotId}/staff`)).find((p) => p.staffId === one.staffId);
  assert.equal(await text(`[data-testid="moves"] tr[data-key="${one.staffId}"] [data-testid="move-person"]`), `${person.name} ${one.staffId}`);
  const jobName = state.formations.find((f) => f.job === one.job).jobName;
  assert.notEqual(jobName, one.job);
  assert.ok((await text(`[data-testid="moves"] tr[data-key="${one.staffId}"] td:nth-child(4)`)).startsWith(jobName));
  assert.equal(await page.locator(`[data-testid="moves-job"] option[value="${one.job}"]`).innerText(), jobName);
  await page.getByTestId('moves-person').fill(person.name.toLowerCase());
  assert.ok(await page.locator(`[data-testid="moves"] tr[data-key="${one.staffId}"]`).count() === 1);
  await page.getByTestId('moves-person').fill('');
  const facility = await getJson(`/snapshots/${(await getJson('/plans/' + state.first)).snapshotId}/facilities?limit=1000`);
  const name = facility.items.find((f) => f.facilityId === one.to).name;
  await page.getByTestId('moves-facility').fill(name);
  const atFacility = moves.filter((m) => [m.from, m.to].some((id) => facility.items.find((f) => f.facilityId === id).name.toLowerCase().includes(name.toLowerCase())));
  assert.match(await text('[data-testid="moves-count"]'), new RegExp(`^${fmt(atFacility.length)} baris`));
  await page.getByTestId('moves-facility').fill('');
  const district = facility.items.find((f) => f.facilityId === one.to).district;
  await page.getByTestId('moves-district').selectOption(district);
  const districtOf = new Map(facility.items.map((f) => [f.facilityId, f.district]));
  const inDistrict = moves.filter((m) => districtOf.get(m.to) === district || districtOf.get(m.from) === district);
  assert.match(await text('[data-testid="moves-count"]'), new RegExp(`^${fmt(inDistrict.length)} baris`));
  await shot('06-moves');
  await page.getByTestId('moves-district').selectOption('');
});

test("a person's detail: why this placement, and what if pinned elsewhere", async () => {
  const one = state.moves.find((m, i) => i >= 3 && m.fromJob === m.job);
  await page.getByTestId('moves-person').fill(one.staffId);
  await page.locator(`[data-testid="moves"] tr[data-key="${one.staffId}"] [data-testid="move-person"]`).click();
  await page.getByTestId('person-card').waitFor({ timeout: 30_000 });
  assert.equal(await text('[data-testid="person-reason"]'), one.reason.id);
  await page.getByTestId('whatif-target').selectOption(one.from);
  await page.getByTestId('whatif-run').click();
  await page.getByTestId('whatif-summary').waitFor({ timeout: 60_000 });
  const w = await getJson(`/plans/${state.first}/whatif?staffId=${one.staffId}&facilityId=${one.from}&job=${one.job}`);
  assert.equal(await text('[data-testid="whatif-summary"]'), w.summary.id);
  await shot('07-person-whatif');
});

test('leaving, unfilled and surplus with their reasons', async () => {
  await page.getByTestId('tab-leaving').click();
  await page.getByTestId('leaving').waitFor();
  const leaving = await allItems(`/plans/${state.first}/leaving`);
  assert.match(await text('[data-testid="leaving-count"]'), new RegExp(`^${fmt(leaving.length)} baris`));
  const first = [...leaving].sort((a, b) => a.date.localeCompare(b.date))[0];
  // The date as Bahasa Indonesia writes it ("31 Okt 2026"), the ISO date kept for machines.
  assert.equal(await page.locator('[data-testid="leaving"] tbody tr td:nth-child(5) time').first().getAttribute('datetime'), first.date);
  const [y, m, d] = first.date.split('-').map(Number);
  assert.equal(await text('[data-testid="leaving"] tbody tr td:nth-child(5)'),
    await page.evaluate(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('id-ID', { dateStyle: 'medium', timeZone: 'UTC' }), [y, m, d]));
  assert.doesNotMatch(await text('[data-testid="leaving"] tbody tr td:nth-child(5)'), /^\d{4}-/);
  await shot('08-leaving');
  await page.getByTestId('tab-gaps').click();
  await page.getByTestId('unfilled').waitFor();
  const explanation = await getJson(`/plans/${state.first}/explanation`);
  assert.match(await text('[data-testid="unfilled-count"]'), new RegExp(`^${fmt(explanation.unfilled.length)} baris`));
  assert.match(await text('[data-testid="surplus-count"]'), new RegExp(`^${fmt(explanation.surplus.length)} baris`));
  await shot('09-unfilled-surplus');
});

test('pin a placement, re-solve with the pin, and export the moves as CSV', async () => {
  const id = state.first;
  await open(`#/plans/${id}/moves`);
  await page.getByTestId('moves').waitFor();
  const row = page.locator('[data-testid="moves"] tbody tr').first();
  const staffId = await row.getAttribute('data-key');
  await row.getByTestId('pin').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pin-count"]').textContent.endsWith(': 1'));
  assert.equal(await page.locator(`[data-testid="moves"] tr[data-key="${staffId}"] [data-testid="pin"]`).getAttribute('aria-pressed'), 'true');
  // Pin a second one and unpin it again: the plan keeps the first pin only.
  const secondRow = page.locator('[data-testid="moves"] tbody tr').nth(1);
  const secondId = await secondRow.getAttribute('data-key');
  await secondRow.getByTestId('pin').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pin-count"]').textContent.endsWith(': 2'));
  await page.locator(`[data-testid="moves"] tr[data-key="${secondId}"] [data-testid="pin"]`).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pin-count"]').textContent.endsWith(': 1'));
  const pinned = await getJson('/plans/' + id);
  assert.deepEqual(pinned.pins.map((p) => p.staffId), [staffId]);
  assert.equal(pinned.audit.at(-1).action, 'PINS');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
  assert.equal(csv[0], 'staffId,fromFacilityId,fromFacility,fromJob,toFacilityId,toFacility,job,km,reason');
  assert.equal(csv.length, state.moves.length + 1);
  assert.ok(csv.some((line) => line.startsWith(staffId + ',')));
  fs.copyFileSync(await download.path(), path.join(SHOTS, 'mutasi.csv'));

  await page.getByTestId('resolve').click();
  await page.waitForURL((url) => !url.hash.includes(id));
  state.third = page.url().split('#/plans/')[1];
  await awaitStatus(state.third, ['SOLVED']);
  await page.getByTestId('headline').waitFor({ timeout: 30_000 });
  assert.match(await text('[data-testid="pin-count"]'), /: 1$/);
  const resolved = await getJson('/plans/' + state.third);
  assert.deepEqual(resolved.pins.map((p) => p.staffId), [staffId]);
  const placement = (await allItems(`/plans/${state.third}/placements`)).find((p) => p.staffId === staffId);
  assert.equal(placement.pinned, true);
  await shot('10-resolved');
});

test('approve with a comment; a second approval at the old version shows the conflict and offers a reload', async () => {
  const id = state.third;
  const stalePage = await context.newPage();
  await open(`#/plans/${id}`, stalePage);
  await stalePage.getByTestId('approve').waitFor();
  const shownVersion = await text('[data-testid="plan-version"]', stalePage);

  await page.getByTestId('comment').fill('disetujui dalam rapat');
  await page.getByTestId('approve').click();
  // It asks first, naming the plan and the version; saying no changes nothing.
  assert.match(await text('[data-testid="confirm-text"]'), new RegExp(`Setujui rencana ${id} versi \\d+\\?`));
  await shot('11-approve-confirm');
  await page.getByTestId('confirm-no').click();
  assert.equal((await getJson('/plans/' + id)).status, 'SOLVED');
  await page.getByTestId('approve').click();
  await page.getByTestId('confirm-yes').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Disetujui');
  const approved = await getJson('/plans/' + id);
  assert.equal(approved.status, 'APPROVED');
  assert.equal(approved.audit.at(-1).comment, 'disetujui dalam rapat');
  assert.match(await text('.head'), /Diputuskan oleh: perencana/);
  await shot('11-approved');

  await stalePage.getByTestId('approve').click();
  await stalePage.getByTestId('confirm-yes').click();
  // Refused (409), and the page says the plan changed (its poll may have said so already).
  await stalePage.waitForFunction(() => /telah berubah/.test(document.querySelector('[data-testid="banner-text"]')?.textContent || ''));
  assert.equal((await getJson('/plans/' + id)).audit.filter((a) => a.action === 'APPROVE').length, 1);
  assert.equal(await text('[data-testid="plan-version"]', stalePage), shownVersion);
  await shot('12-conflict', stalePage);
  await stalePage.getByTestId('banner-action').click();
  await stalePage.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Disetujui');
  assert.equal(await text('[data-testid="plan-version"]', stalePage), `versi ${approved.version}`);
  await stalePage.close();
});

test('reject a plan with a comment', async () => {
  await open(`#/plans/${state.second}`);
  await page.getByTestId('reject').waitFor();
  await page.getByTestId('comment').fill('terlalu banyak mutasi lintas kecamatan');
  await page.getByTestId('reject').click();
  await page.getByTestId('confirm-yes').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Ditolak');
  const rejected = await getJson('/plans/' + state.second);
  assert.equal(rejected.status, 'REJECTED');
  assert.equal(rejected.audit.at(-1).action, 'REJECT');
  assert.equal(rejected.audit.at(-1).comment, 'terlalu banyak mutasi lintas kecamatan');
  assert.ok(await page.getByTestId('approve').isDisabled(), 'a decided plan cannot be decided again');
  // The audit trail shows who, what and the comment.
  const row = page.locator('[data-testid="audit"] tr[data-action="REJECT"]');
  assert.match(await row.innerText(), /perencana\s+Ditolak\s+terlalu banyak mutasi lintas kecamatan/);
});

test('compare two plans side by side', async () => {
  await open('#/plans');
  await page.getByTestId('plans').waitFor();
  assert.match(await text(`tr[data-plan="${state.third}"] td:last-child`), /^perencana \(/);
  assert.match(await text(`tr[data-plan="${state.third}"] [data-testid="status"]`), /Disetujui/);
  await page.locator(`tr[data-plan="${state.first}"] [data-testid="pick"]`).check();
  await page.locator(`tr[data-plan="${state.third}"] [data-testid="pick"]`).check();
  await page.getByTestId('compare-selected').click();
  await page.getByTestId('compare-figures').waitFor();
  const diff = await getJson(`/plans/${state.first}/diff/${state.third}`);
  assert.equal(await text('[data-testid="changed-count"]'), fmt(diff.changedCount));
  assert.match(await text('[data-testid="diff-count"]'), new RegExp(`^${fmt(diff.changedCount)} baris`));
  const shortage = await page.locator('[data-testid="compare-figures"] tr[data-figure="shortage"] td').allInnerTexts();
  assert.equal(shortage[1], fmt(diff.a.score.shortage));
  assert.equal(shortage[2], fmt(diff.b.score.shortage));
  await shot('13-compare');
});

test('switch to English: page texts and reasons change, and the choice is kept', async () => {
  await open(`#/plans/${state.first}/moves`);
  await page.getByTestId('moves').waitFor();
  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('[data-testid="tab-moves"]', { hasText: 'Moves' }).waitFor();
  const first = state.moves[0];
  await page.getByTestId('moves-person').fill(first.staffId);
  assert.equal(await text(`[data-testid="moves"] tr[data-key="${first.staffId}"] .reason`), first.reason.en);
  await page.reload();
  await page.getByTestId('moves').waitFor();
  assert.equal(await text('[data-testid="tab-summary"]'), 'Summary');
  await shot('14-english');
  await page.getByTestId('tab-summary').click();
  await page.getByTestId('headline').waitFor();
  assert.equal(await text('[data-figure="shortage-after"] .label'), 'Weighted shortage after');
  assert.match(await page.locator('[data-figure="shortage-after"]').getAttribute('title'), /times its formation's priority/);
  assert.equal(await text('[data-figure="missing-after"] .label'), 'Shortage after (people)');
  await shot('15-plan-english');
  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'id');
  await page.locator('[data-testid="tab-summary"]', { hasText: 'Ringkasan' }).waitFor();
  assert.equal(state.pageErrors || 0, 0, 'no script errors');
  assert.equal(state.external, undefined, 'no request left the runtime');
});

// --- a plan's life: supersede, stop, delete, stale; in Indonesian, then in English

test('approving another plan supersedes the approved one, which links to it', async () => {
  await open(`#/plans/${state.first}`);
  await page.getByTestId('approve').waitFor();
  await page.getByTestId('comment').fill('menggantikan rencana sebelumnya');
  await page.getByTestId('approve').click();
  assert.match(await text('[data-testid="confirm-text"]'), /akan digantikan/);
  await page.getByTestId('confirm-yes').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Disetujui');
  const old = await getJson('/plans/' + state.third);
  assert.equal(old.status, 'SUPERSEDED');
  assert.equal(old.replacedBy.planId, state.first);
  assert.deepEqual((await getJson('/plans?status=APPROVED')).items.map((p) => p.planId), [state.first]);

  await open(`#/plans/${state.third}`);
  await page.getByTestId('superseded-by').waitFor();
  assert.equal(await text('[data-testid="status"]'), 'Digantikan');
  assert.equal(await page.locator('[data-testid="superseded-by"] a').getAttribute('href'), '#/plans/' + state.first);
  assert.match(await page.locator('[data-testid="audit"] tr[data-action="SUPERSEDE"]').innerText(), /Digantikan/);
  assert.ok(await page.getByTestId('delete').isDisabled(), 'a plan once approved is kept');
  await shot('16-superseded');
  await open('#/plans');
  assert.equal(await text(`tr[data-plan="${state.third}"] [data-testid="replaced-by"]`), state.first);
});

test('the plan list refreshes by itself while plans solve', async () => {
  const snapshotId = (await getJson('/plans/' + state.first)).snapshotId;
  await open('#/plans');
  await page.getByTestId('plans').waitFor();
  const queued = await api('POST', '/plans', { snapshotId, budgetSeconds: 3 });
  assert.equal(queued.status, 202);
  state.listed = queued.body.planId;
  // No reload: the new plan appears, and its status follows the solve to the end.
  const row = page.locator(`tr[data-plan="${state.listed}"]`);
  await row.waitFor({ timeout: 30_000 });
  await shot('17-list-refreshing');
  await awaitStatus(state.listed, ['SOLVED']);
  await page.locator(`tr[data-plan="${state.listed}"] [data-testid="status"]`, { hasText: 'Selesai' }).waitFor({ timeout: 30_000 });
});

test('stopping a solve keeps its plan so far, marked as stopped early', async () => {
  // The sample's own solve proves its optimum in about a second, before a stop is read (every 2 s). With the
  // rules of mutasi practice on, its priced rounds take several seconds and hear the stop between them. The
  // snapshot is dated a day before the sample, so storing it leaves the sample's plans as they are.
  const practice = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'balikpapan.json'), 'utf8'));
  const dayBefore = new Date(practice.asOf + 'T00:00:00Z');
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  Object.assign(practice, { snapshotId: 'balikpapan-practice-rules', asOf: dayBefore.toISOString().slice(0, 10) });
  Object.assign(practice.policy, { minPnsByKind: { SD: 4, SMP: 4 }, maxDeparturesPerFacility: 3 });
  const stored = await api('POST', '/snapshots', practice);
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  const snapshotId = practice.snapshotId;
  state.practice = snapshotId;
  // A solve that ends before the stop arrives is SOLVED as usual, so another plan is tried, up to three.
  let stopped;
  for (let attempt = 1; attempt <= 3 && !(stopped && stopped.summary.stoppedEarly); attempt++) {
    const queued = await api('POST', '/plans', { snapshotId, budgetSeconds: 60 });
    state.stopped = queued.body.planId;
    await open(`#/plans/${state.stopped}`);
    await page.getByTestId('stop').waitFor();
    // Stop once it solves (stopped while still queued, it would be cancelled with nothing to read).
    stopped = await awaitStatus(state.stopped, ['SOLVING', 'SOLVED'], 60_000);
    if (stopped.status === 'SOLVED') continue;
    await page.getByTestId('stop').click();
    assert.match(await text('[data-testid="confirm-text"]'), new RegExp(`Hentikan penghitungan rencana ${state.stopped}\\?`));
    if (attempt === 1) await shot('18-stop-confirm');
    await page.getByTestId('confirm-yes').click();
    stopped = await awaitStatus(state.stopped, ['SOLVED'], 60_000);
  }
  console.log(`stop heard by plan ${state.stopped}`);
  assert.equal(stopped.summary.stoppedEarly, true, 'one of three solves heard its stop');
  assert.equal(stopped.summary.terminationReason, 'stopped early on request');
  await page.getByTestId('stopped-early').waitFor({ timeout: 30_000 });
  assert.match(await text('[data-testid="stopped-early"]'), /Dihentikan lebih awal/);
  assert.match(await page.locator('[data-testid="audit"] tr[data-action="CANCEL"]').innerText(), /perencana\s+Penghentian/);
  await shot('18-stopped-early');
});

test('a solve shows its elapsed time against the budget, and once solved what it took', async () => {
  // The practice-rule snapshot of the stop test: its solve takes several seconds, so the page opens on it
  // still running (the sample's own solve can end before the page has loaded).
  const queued = await api('POST', '/plans', { snapshotId: state.practice, budgetSeconds: 45 });
  await open(`#/plans/${queued.body.planId}`);
  await page.getByTestId('budget-text').waitFor();
  assert.match(await text('[data-testid="budget-text"]'), /^\d+(,\d)? s dari batas 45 s$/);
  assert.equal(await page.locator('[data-testid="budget-bar"] progress').getAttribute('max'), '45');
  const solved = await awaitStatus(queued.body.planId, ['SOLVED'], 90_000);
  await page.getByTestId('headline').waitFor({ timeout: 30_000 });
  const seconds = Math.round(solved.summary.timeSpentMillis / 100) / 10;
  assert.equal(await text('[data-testid="fig-time"]'), `${seconds.toLocaleString('id-ID')} s dari batas 45 s`);
});

test('delete a plan that is not approved, after confirming', async () => {
  await open(`#/plans/${state.second}`);
  await page.getByTestId('delete').click();
  assert.match(await text('[data-testid="confirm-text"]'), new RegExp(`Hapus rencana ${state.second}`));
  await shot('19-delete-confirm');
  await page.getByTestId('confirm-yes').click();
  await page.getByTestId('plans').waitFor();
  assert.equal((await api('GET', '/plans/' + state.second)).status, 404);
  assert.equal(await page.locator(`tr[data-plan="${state.second}"]`).count(), 0);
});

test('a stale plan names the snapshot that replaced it; no pins on it, the API answers 409', async () => {
  const plan = await getJson('/plans/' + state.stopped);
  const facility = (await allItems(`/snapshots/${plan.snapshotId}/facilities`))[0];
  const formation = (await allItems(`/plans/${state.stopped}/formations`)).find((f) => f.facilityId === facility.facilityId);
  const changed = await api('POST', `/snapshots/${plan.snapshotId}/changes`, { asOf: '2026-12-01',
    changes: [{ type: 'FORMATION_CHANGED', facilityId: facility.facilityId, job: formation.job, cap: formation.cap + 1 }] });
  assert.equal(changed.status, 201, JSON.stringify(changed.body));
  state.newSnapshot = changed.body.snapshotId;
  const stale = await awaitStatus(state.stopped, ['STALE'], 60_000);
  assert.equal(stale.replacedBy.snapshotId, state.newSnapshot);

  await open(`#/plans/${state.stopped}/moves`);
  await page.getByTestId('stale-by').waitFor();
  assert.match(await text('[data-testid="stale-by"]'), new RegExp(`snapshot ${state.newSnapshot}`));
  assert.ok(await page.locator('[data-testid="moves"] tbody tr').first().getByTestId('pin').isDisabled(), 'no pins on a stale plan');
  const pin = await api('PUT', `/plans/${state.stopped}/pins`, { pins: [], version: stale.version });
  assert.equal(pin.status, 409);
  assert.match(pin.body.messageEn, new RegExp(`STALE: snapshot ${state.newSnapshot}`));
  assert.match(pin.body.message, new RegExp(`usang: snapshot ${state.newSnapshot}`));
  await shot('20-stale');
});

test('in English: the superseded and stale plans, the audit trail, and the approval asks first', async () => {
  await open(`#/plans/${state.third}`);
  await page.getByTestId('superseded-by').waitFor();
  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('[data-testid="superseded-by"]', { hasText: 'Superseded by the plan approved after it' }).waitFor();
  assert.equal(await text('[data-testid="status"]'), 'Superseded');
  assert.match(await text('[data-testid="audit"] summary'), /^Audit trail \(\d+\)$/);
  await shot('21-superseded-english');

  await open(`#/plans/${state.stopped}`);
  await page.getByTestId('stale-by').waitFor();
  assert.match(await text('[data-testid="stale-by"]'), new RegExp(`Stale: the data of this plan was replaced by snapshot ${state.newSnapshot}`));
  assert.match(await text('[data-testid="stopped-early"]'), /Stopped early on request/);
  await shot('22-stale-english');

  // The recompute the new snapshot queued: its approval asks in English, and no keeps it as it was.
  const recompute = (await getJson('/plans?snapshotId=' + encodeURIComponent(state.newSnapshot))).items[0];
  const solved = await awaitStatus(recompute.planId, ['SOLVED'], 90_000);
  await open(`#/plans/${solved.planId}`);
  await page.getByTestId('approve').click();
  assert.match(await text('[data-testid="confirm-text"]'),
    new RegExp(`Approve plan ${solved.planId} at version ${solved.version}\\? The plan approved before it will be superseded\\.`));
  await shot('23-approve-confirm-english');
  await page.getByTestId('confirm-no').click();
  assert.equal((await getJson('/plans/' + solved.planId)).status, 'SOLVED');

  await page.getByTestId('lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'id');
  assert.equal(state.pageErrors || 0, 0, 'no script errors');
  assert.equal(state.external, undefined, 'no request left the runtime');
});
