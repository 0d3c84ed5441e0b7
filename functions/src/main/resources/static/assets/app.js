// The planners' review page: plans, one plan, actions, comparison. Only the public API (api.js).
import { ApiError, all, call, get, getUser, setUser } from './api.js';
import { getLang, num, setLang, t, tr, when } from './i18n.js';
import { barChart, lineChart, mapView } from './charts.js';

const main = document.getElementById('main');
const banner = document.getElementById('banner');
const PAGE = 50;

// ---------- little DOM helpers

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
/** Element.append without the nulls of optional parts. */
const append = (el, ...children) => el.append(...children.flat().filter((c) => c != null && c !== false));
const clear = (el) => { while (el.firstChild) el.firstChild.remove(); return el; };

function showBanner(message, kind = 'info', action) {
  clear(banner);
  banner.className = 'banner ' + kind;
  banner.append(h('span', { 'data-testid': 'banner-text' }, message));
  if (action) banner.append(' ', h('button', { type: 'button', onclick: action.run, 'data-testid': 'banner-action' }, action.label));
  banner.append(' ', h('button', { type: 'button', class: 'link', 'aria-label': 'x', onclick: hideBanner }, '×'));
  banner.hidden = false;
}
function hideBanner() { banner.hidden = true; clear(banner); }

function statusBadge(status) { return h('span', { class: 'badge s-' + status, 'data-testid': 'status' }, t(status)); }

function scoreText(score) {
  if (!score) return '–';
  return `${num(score.hard)} ${t('hard')} · ${num(score.shortage)} ${t('shortage')} · ${num(score.disruption)} ${t('disruption')}`;
}

function decidedBy(plan) {
  const entry = (plan.audit || []).filter((a) => a.action === 'APPROVE' || a.action === 'REJECT').pop();
  return entry ? `${entry.actor} (${when(entry.at)})` : '–';
}

/** A paged table: fixed page size so the layout does not jump; rows built lazily. */
function pagedTable({ columns, rows, testid, rowKey, empty }) {
  let page = 0;
  const body = h('tbody');
  const info = h('span', { class: 'muted', 'data-testid': testid + '-count' });
  const prev = h('button', { type: 'button', onclick: () => { page--; draw(); }, 'data-testid': testid + '-prev' }, t('prev'));
  const next = h('button', { type: 'button', onclick: () => { page++; draw(); }, 'data-testid': testid + '-next' }, t('next'));
  const table = h('table', { class: 'grid', 'data-testid': testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.head)))), body);
  function draw() {
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(Math.max(0, page), pages - 1);
    clear(body);
    const slice = rows.slice(page * PAGE, page * PAGE + PAGE);
    if (!slice.length) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, empty || t('none'))));
    for (const row of slice) {
      body.append(h('tr', { 'data-key': rowKey ? rowKey(row) : null }, columns.map((c) => h('td', { class: c.num ? 'num' : '' }, c.cell(row)))));
    }
    info.textContent = `${num(rows.length)} ${t('rows')} · ${t('page')} ${page + 1}/${pages}`;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  draw();
  return { el: h('div', { class: 'paged' }, h('div', { class: 'scroll' }, table), h('div', { class: 'pager' }, prev, info, next)),
    set(newRows) { rows = newRows; page = 0; draw(); } };
}

function select(name, options, value, onchange, testid, label = (o) => o) {
  const el = h('select', { name, 'data-testid': testid, onchange: (e) => onchange(e.target.value) },
    h('option', { value: '' }, t('all')), options.map((o) => h('option', { value: o, selected: o === value }, label(o))));
  return el;
}

function field(label, control, error) {
  return h('label', { class: 'field' }, h('span', {}, label), control, error || null);
}

// ---------- routing

const routes = [
  [/^#\/plans\/([^/]+)\/?([a-z]*)$/, (m) => planView(m[1], m[2] || 'summary')],
  [/^#\/compare\/([^/]+)\/([^/]+)$/, (m) => compareView(m[1], m[2])],
  [/^.*$/, () => plansView()],
];
let current = null;
let stopPolling = () => {};
let routeToken = 0; // a newer navigation wins: an older one that finishes later draws nothing
const stale = (mine) => mine !== routeToken;

async function route() {
  stopPolling();
  routeToken++;
  const hash = location.hash || '#/plans';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) { current = () => view(m); break; }
  }
  try { await current(); } catch (e) { renderError(e); }
}
function renderError(e) {
  console.error(e);
  clear(main).append(h('p', { class: 'error', 'data-testid': 'error' }, e instanceof ApiError ? `${e.status}: ${e.message}` : String(e)));
}

// ---------- 1. plans

async function plansView() {
  const mine = routeToken;
  document.title = 'Formasi — ' + t('plans');
  const list = await all('/plans');
  const decided = list.filter((p) => p.status === 'APPROVED' || p.status === 'REJECTED');
  const details = new Map(await Promise.all(decided.map(async (p) => [p.planId, await get('/plans/' + p.planId)])));
  const chosen = new Set();
  const compareBtn = h('button', { type: 'button', disabled: true, 'data-testid': 'compare-selected',
    onclick: () => { const [a, b] = [...chosen]; location.hash = `#/compare/${a}/${b}`; } }, t('compareSelected'));
  const rows = list.map((p) => h('tr', { 'data-plan': p.planId },
    h('td', {}, h('input', { type: 'checkbox', 'aria-label': t('compare') + ' ' + p.planId, 'data-testid': 'pick',
      onchange: (e) => { e.target.checked ? chosen.add(p.planId) : chosen.delete(p.planId); compareBtn.disabled = chosen.size !== 2; } })),
    h('td', {}, h('a', { href: '#/plans/' + p.planId, 'data-testid': 'plan-link' }, p.planId)),
    h('td', {}, statusBadge(p.status)),
    h('td', {}, p.snapshotId),
    h('td', { 'data-testid': 'plan-score' }, scoreText(p.score)),
    h('td', {}, when(p.createdAt)),
    h('td', {}, details.has(p.planId) ? decidedBy(details.get(p.planId)) : '–')));
  const snapshots = [...new Set(list.map((p) => p.snapshotId))];
  if (stale(mine)) return;
  clear(main).append(
    h('section', { class: 'card' },
      h('div', { class: 'row' }, h('h1', {}, t('plans')), h('span', { class: 'spacer' }),
        h('button', { type: 'button', onclick: route, 'data-testid': 'refresh' }, t('refresh')), compareBtn),
      h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'plans' },
        h('thead', {}, h('tr', {}, ['', t('plan'), t('status'), t('snapshot'), t('score'), t('created'), t('decidedBy')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('noPlans'))))))),
    newPlanForm(snapshots));
}

function newPlanForm(snapshots) {
  const errors = { snapshotId: h('span', { class: 'field-error', 'data-testid': 'error-snapshotId' }),
    snapshot: h('ul', { class: 'field-error', 'data-testid': 'error-snapshot' }),
    budgetSeconds: h('span', { class: 'field-error', 'data-testid': 'error-budgetSeconds' }),
    other: h('ul', { class: 'field-error', 'data-testid': 'error-other' }) };
  const stored = h('select', { name: 'snapshotId', 'data-testid': 'snapshot-select' }, h('option', { value: '' }, '—'),
    snapshots.map((s) => h('option', { value: s }, s)));
  const file = h('input', { type: 'file', name: 'file', accept: 'application/json,.json', 'data-testid': 'snapshot-file' });
  const budget = h('input', { type: 'number', name: 'budgetSeconds', min: 1, max: 600, value: 10, 'data-testid': 'budget' });
  const out = h('p', { 'data-testid': 'submit-result', 'aria-live': 'polite' });
  async function submit(e) {
    e.preventDefault();
    for (const el of Object.values(errors)) clear(el);
    out.textContent = '';
    let body;
    const b = budget.value === '' ? undefined : Number(budget.value);
    try {
      if (file.files && file.files[0]) {
        const text = await file.files[0].text();
        let snapshot;
        try { snapshot = JSON.parse(text); } catch (err) { errors.snapshot.append(h('li', {}, 'JSON: ' + err.message)); return; }
        body = { snapshot, budgetSeconds: b };
      } else {
        body = { snapshotId: stored.value || undefined, budgetSeconds: b };
        if (!stored.value) body = { budgetSeconds: b };
      }
      const queued = await call('POST', '/plans', body);
      out.textContent = `${t('queued')}: ${queued.planId}`;
      location.hash = '#/plans/' + queued.planId;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.textContent = `${t('rejectedRequest')} (${err.status}): ${err.message}`;
      for (const d of err.details) {
        const path = d.path || '$';
        const key = path.startsWith('budgetSeconds') ? 'budgetSeconds' : path.startsWith('snapshotId') ? 'snapshotId'
          : path === 'snapshot' || path.startsWith('snapshot.') || path.startsWith('snapshot[') || (file.files && file.files[0]) ? 'snapshot' : 'other';
        const line = `${path}: ${d.message}`;
        if (errors[key].tagName === 'UL') errors[key].append(h('li', {}, line)); else errors[key].textContent = line;
      }
    }
  }
  return h('section', { class: 'card' }, h('h2', {}, t('newPlan')),
    h('form', { onsubmit: submit, 'data-testid': 'new-plan', class: 'form', novalidate: true },
      field(t('fromStored'), stored, errors.snapshotId),
      field(t('fromFile'), file, errors.snapshot),
      field(t('budget'), budget, errors.budgetSeconds),
      errors.other,
      h('div', {}, h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-plan' }, t('submit'))), out));
}

// ---------- 2. one plan

const cache = new Map(); // planId -> loaded document parts (a solved document never changes)

async function loadDocument(plan) {
  if (cache.has(plan.planId)) return cache.get(plan.planId);
  const id = plan.planId;
  const [moves, formations, leaving, explanation, facilities] = await Promise.all([
    all(`/plans/${id}/moves`), all(`/plans/${id}/formations`), all(`/plans/${id}/leaving`), get(`/plans/${id}/explanation`),
    all(`/snapshots/${encodeURIComponent(plan.snapshotId)}/facilities`).catch(() => [])]);
  const doc = { moves, formations, leaving, explanation, facilities, placements: null,
    names: new Map(formations.map((f) => [f.facilityId, f.facilityName])),
    districtOf: new Map(formations.map((f) => [f.facilityId, f.district])) };
  for (const f of facilities) { doc.names.set(f.facilityId, f.name); doc.districtOf.set(f.facilityId, f.district); }
  cache.set(id, doc);
  return doc;
}
async function placementsOf(id, doc) {
  if (!doc.placements) doc.placements = await all(`/plans/${id}/placements`);
  return doc.placements;
}

function headline(doc, plan) {
  const sum = (list, key) => list.reduce((s, x) => s + (x[key] || 0), 0);
  const bySector = {};
  for (const f of doc.formations) {
    const s = (bySector[f.sector] ||= { before: 0, after: 0 });
    s.before += f.shortageBefore; s.after += f.shortageAfter;
  }
  const opt = doc.explanation.optimum;
  const figures = [
    ['shortage-before', t('shortageBefore'), num(sum(doc.formations, 'shortageBefore'))],
    ['shortage-after', t('shortageAfter'), num(sum(doc.formations, 'shortageAfter'))],
    ['moves', t('moves'), num(doc.moves.length)],
    ['km', t('totalKm'), num(sum(doc.moves, 'km'))],
    ['leaving', t('leaving'), num(doc.leaving.length)],
    ['surplus', t('surplusLeft'), num(sum(doc.explanation.surplus || [], 'excess'))],
    ['hard', t('hardViolations'), num(plan.score ? plan.score.hard : null)],
  ];
  if (opt) figures.push(['gap', t('gapOptimum'), opt.optimal ? t('optimal') : `${t('shortage')} +${num(opt.shortageGap)} · ${t('disruption')} +${num(opt.disruptionGap)}`]);
  return h('div', {},
    h('div', { class: 'figures', 'data-testid': 'headline' }, figures.map(([key, label, value]) =>
      h('div', { class: 'figure', 'data-figure': key }, h('div', { class: 'label' }, label), h('div', { class: 'value', 'data-testid': 'fig-' + key }, value)))),
    opt ? h('p', { class: 'muted', 'data-testid': 'optimum-summary' }, tr(opt.summary)) : null,
    h('table', { class: 'grid small', 'data-testid': 'by-sector' }, h('caption', {}, t('bySector')),
      h('thead', {}, h('tr', {}, h('th', {}, t('sector')), h('th', { class: 'num' }, t('shortageBefore')), h('th', { class: 'num' }, t('shortageAfter')))),
      h('tbody', {}, Object.entries(bySector).map(([s, v]) => h('tr', { 'data-sector': s }, h('td', {}, t(s)), h('td', { class: 'num' }, num(v.before)), h('td', { class: 'num' }, num(v.after)))))));
}

const progressSeries = new Map(); // planId -> [{t, value}]
function parseScore(text) {
  const m = /(-?\d+)hard\/(-?\d+)medium\/(-?\d+)soft/.exec(text || '');
  return m ? { hard: -Number(m[1]), shortage: -Number(m[2]), soft: Number(m[3]) } : null;
}

async function planView(id, tab) {
  const mine = routeToken;
  const plan = await get('/plans/' + id);
  if (stale(mine)) return;
  document.title = 'Formasi — ' + id;
  const shell = h('div', { class: 'plan', 'data-plan': id });
  clear(main).append(shell);
  if (plan.status === 'QUEUED' || plan.status === 'SOLVING') {
    await solvingView(shell, plan);
    return;
  }
  if (plan.status === 'FAILED' || !plan.links.moves) {
    shell.append(planHeader(plan), h('p', { class: 'error' }, `${t('failed')}: ${plan.failure || ''}`));
    return;
  }
  const doc = await loadDocument(plan);
  if (stale(mine)) return;
  const tabs = [['summary', t('summaryTab')], ['formations', t('formationsTab')], ['moves', t('movesTab')],
    ['leaving', t('leavingTab')], ['gaps', t('gapsTab')], ['detail', t('detailTab')]];
  const nav = h('nav', { class: 'tabs', role: 'tablist' }, tabs.map(([key, label]) =>
    h('a', { href: `#/plans/${id}/${key}`, role: 'tab', 'aria-selected': key === tab ? 'true' : 'false', class: key === tab ? 'active' : '', 'data-testid': 'tab-' + key }, label)));
  const body = h('div', { class: 'tab-body', 'data-testid': 'tab-body' });
  shell.append(planHeader(plan, doc), actions(plan, doc), nav, body);
  const views = { summary: summaryTab, formations: formationsTab, moves: movesTab, leaving: leavingTab, gaps: gapsTab, detail: detailTab };
  await (views[tab] || summaryTab)(body, plan, doc);
}

function planHeader(plan) {
  return h('section', { class: 'card head' },
    h('div', { class: 'row' }, h('h1', { 'data-testid': 'plan-id' }, plan.planId), statusBadge(plan.status),
      h('span', { class: 'muted', 'data-testid': 'plan-version' }, `${t('version')} ${plan.version}`), h('span', { class: 'spacer' }),
      h('a', { href: '#/plans' }, '← ' + t('plans'))),
    h('p', { class: 'muted' }, `${t('snapshot')}: ${plan.snapshotId} · ${t('created')}: ${when(plan.createdAt)} · ${t('score')}: `,
      h('span', { 'data-testid': 'plan-score' }, scoreText(plan.score)), ` · ${t('decidedBy')}: ${decidedBy(plan)}`));
}

async function solvingView(shell, plan) {
  const series = progressSeries.get(plan.planId) || [];
  progressSeries.set(plan.planId, series);
  const chartBox = h('div', { class: 'chart-box' });
  const status = h('p', { 'data-testid': 'progress-text', 'aria-live': 'polite' });
  shell.append(planHeader(plan), h('section', { class: 'card' }, h('h2', {}, t('progress')), h('p', { class: 'muted' }, t('progressHint')), status, chartBox));
  let stopped = false;
  stopPolling = () => { stopped = true; };
  const draw = (p) => {
    if (p.progress) {
      const s = parseScore(p.progress.score);
      const tSec = p.progress.elapsedMillis / 1000;
      if (s && (!series.length || series[series.length - 1].t !== tSec)) series.push({ t: tSec, value: s.shortage });
      status.textContent = `${t(p.status)} · ${t('elapsed')} ${tSec.toFixed(1)} s · ${p.progress.score}`;
    } else status.textContent = t(p.status) + '…';
    clear(chartBox).append(lineChart(series, { label: t('progressHint') }));
  };
  draw(plan);
  while (!stopped) {
    await new Promise((r) => setTimeout(r, 700));
    if (stopped) return;
    const p = await get('/plans/' + plan.planId);
    draw(p);
    if (!(p.status === 'QUEUED' || p.status === 'SOLVING')) { if (!stopped) route(); return; }
  }
}

function actions(plan, doc) {
  const comment = h('textarea', { rows: 2, name: 'comment', 'data-testid': 'comment', 'aria-label': t('comment'), placeholder: t('comment') });
  const decide = async (decision) => {
    try {
      await call('POST', `/plans/${plan.planId}/decision`, { decision, version: plan.version, comment: comment.value || undefined });
      showBanner(t('decided') + ': ' + t(decision === 'approve' ? 'APPROVED' : 'REJECTED'), 'ok');
      route();
    } catch (e) { conflictOr(e); }
  };
  const others = [];
  const cmp = h('select', { 'data-testid': 'compare-with', 'aria-label': t('compareWith') }, h('option', { value: '' }, t('compareWith') + '…'));
  get('/plans?snapshotId=' + encodeURIComponent(plan.snapshotId)).then((page) => {
    for (const p of page.items) if (p.planId !== plan.planId) { others.push(p); cmp.append(h('option', { value: p.planId }, `${p.planId} (${t(p.status)})`)); }
  });
  cmp.addEventListener('change', () => { if (cmp.value) location.hash = `#/compare/${plan.planId}/${cmp.value}`; });
  const solved = plan.status === 'SOLVED';
  return h('section', { class: 'card actions', 'data-testid': 'actions' },
    h('div', { class: 'row wrap' },
      h('span', { 'data-testid': 'pin-count' }, `${t('pins')}: ${plan.pins.length}`),
      h('button', { type: 'button', 'data-testid': 'resolve', onclick: () => resolve(plan) }, t('resolve')),
      h('button', { type: 'button', 'data-testid': 'export-csv', onclick: () => exportCsv(plan, doc) }, t('exportCsv')),
      cmp),
    h('div', { class: 'row wrap' }, comment,
      h('button', { type: 'button', class: 'primary', disabled: !solved, 'data-testid': 'approve', onclick: () => decide('approve') }, t('approve')),
      h('button', { type: 'button', class: 'danger', disabled: !solved, 'data-testid': 'reject', onclick: () => decide('reject') }, t('reject'))));
}

function conflictOr(e) {
  if (e instanceof ApiError && e.status === 409) {
    showBanner(t('conflict'), 'warn', { label: t('reload'), run: () => { hideBanner(); route(); } });
  } else if (e instanceof ApiError) {
    showBanner(`${e.status}: ${e.message}` + (e.details.length ? ' — ' + e.details.map((d) => `${d.path}: ${d.message}`).join('; ') : ''), 'error');
  } else throw e;
}

async function resolve(plan) {
  try {
    const q = await call('POST', `/plans/${plan.planId}/resolve`, {});
    location.hash = '#/plans/' + q.planId;
  } catch (e) { conflictOr(e); }
}

async function togglePin(plan, pin) {
  const has = plan.pins.some((p) => p.staffId === pin.staffId);
  const pins = has ? plan.pins.filter((p) => p.staffId !== pin.staffId) : [...plan.pins, pin];
  try {
    await call('PUT', `/plans/${plan.planId}/pins`, { pins, version: plan.version, comment: has ? 'unpin' : 'pin' });
    route();
  } catch (e) { conflictOr(e); }
}

function csvCell(v) { const s = v == null ? '' : String(v); return /[",\n;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
function exportCsv(plan, doc) {
  const head = ['staffId', 'fromFacilityId', 'fromFacility', 'fromJob', 'toFacilityId', 'toFacility', 'job', 'km', 'reason'];
  const lines = [head.join(',')];
  for (const m of doc.moves) lines.push([m.staffId, m.from, doc.names.get(m.from), m.fromJob, m.to, doc.names.get(m.to), m.job, m.km, tr(m.reason)].map(csvCell).join(','));
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `mutasi-${plan.planId}.csv` });
  document.body.append(a); a.click(); a.remove();
}

// --- summary: figures, map

async function summaryTab(body, plan, doc) {
  const shortageAt = new Map();
  for (const f of doc.formations) shortageAt.set(f.facilityId, (shortageAt.get(f.facilityId) || 0) + f.shortageAfter);
  const facilities = doc.facilities.map((f) => ({ ...f, shortage: shortageAt.get(f.facilityId) || 0 }));
  const info = h('div', { class: 'map-info', 'data-testid': 'map-info', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, t('legendShortage')),
    h('div', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'swatch', style: 'background:#2e8b57' }), '0',
      h('span', { class: 'swatch ramp' }), t('shortage') + ' ↑'),
    h('p', { class: 'muted' }, t('mapHint')));
  const pick = (fid) => { clear(info).append(facilityCard(plan, doc, fid)); };
  const series = progressSeries.get(plan.planId);
  append(body, 
    h('section', { class: 'card' }, headline(doc, plan)),
    h('section', { class: 'card map-card' }, h('h2', {}, t('mapTab')),
      h('div', { class: 'map-layout' }, h('div', { class: 'map-box' }, mapView(facilities, doc.moves, { onPick: pick, label: t('mapTab') })), info)),
    series && series.length ? h('section', { class: 'card' }, h('h2', {}, t('progress')), lineChart(series, { label: t('progressHint') })) : null,
    h('section', { class: 'card' }, h('h2', {}, t('explanation')), h('p', { 'data-testid': 'explanation-summary' }, tr(doc.explanation.summary))));
}

function facilityCard(plan, doc, fid) {
  const rows = doc.formations.filter((f) => f.facilityId === fid);
  const inn = doc.moves.filter((m) => m.to === fid), out = doc.moves.filter((m) => m.from === fid);
  const unf = (doc.explanation.unfilled || []).filter((u) => u.facilityId === fid);
  const sur = (doc.explanation.surplus || []).filter((u) => u.facilityId === fid);
  const personLink = (sid) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { staffId: sid }); } }, sid);
  return h('div', { class: 'facility-card', 'data-testid': 'facility-card', 'data-facility': fid },
    h('h3', {}, doc.names.get(fid) || fid), h('p', { class: 'muted' }, `${fid} · ${doc.districtOf.get(fid) || ''}`),
    h('table', { class: 'grid small' }, h('thead', {}, h('tr', {}, [t('job'), t('before'), t('after'), t('minimum'), t('cap'), t('shortage')].map((c) => h('th', {}, c)))),
      h('tbody', {}, rows.map((f) => h('tr', {}, h('td', {}, f.job), h('td', { class: 'num' }, f.before), h('td', { class: 'num' }, f.after),
        h('td', { class: 'num' }, f.minimum), h('td', { class: 'num' }, f.cap), h('td', { class: 'num' }, f.shortageAfter))))),
    h('p', {}, h('strong', {}, t('movesIn') + ': '), inn.length ? inn.map((m, i) => [i ? ', ' : '', personLink(m.staffId)]) : t('none')),
    h('p', {}, h('strong', {}, t('movesOut') + ': '), out.length ? out.map((m, i) => [i ? ', ' : '', personLink(m.staffId)]) : t('none')),
    unf.map((u) => h('p', { class: 'reason' }, h('strong', {}, `${t('unfilled')} ${u.job} (−${u.missing}): `), tr(u.reason))),
    sur.map((u) => h('p', { class: 'reason' }, h('strong', {}, `${t('surplus')} ${u.job} (+${u.excess}): `), tr(u.reason))),
    h('p', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { facilityId: fid }); } }, t('detailTab') + ' →')));
}

// --- formations

function sortable(columns, rows, onSort) {
  return columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' },
    c.key ? h('button', { type: 'button', class: 'sort', 'data-sort': c.key, onclick: () => onSort(c.key) }, c.head) : c.head));
}

async function formationsTab(body, plan, doc) {
  const state = { job: '', sector: '', district: '', facility: '', sort: 'shortageAfter', desc: true, level: 'facility' };
  const jobs = [...new Set(doc.formations.map((f) => f.job))].sort();
  const sectors = [...new Set(doc.formations.map((f) => f.sector))].sort();
  const districts = [...new Set(doc.formations.map((f) => f.district))].sort();
  const columns = [
    { key: 'facilityName', head: t('facility'), cell: (f) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { facilityId: f.facilityId }); } }, f.facilityName) },
    { key: 'district', head: t('district'), cell: (f) => f.district },
    { key: 'sector', head: t('sector'), cell: (f) => t(f.sector) },
    { key: 'job', head: t('job'), cell: (f) => f.job },
    { key: 'before', head: t('before'), num: true, cell: (f) => f.before },
    { key: 'after', head: t('after'), num: true, cell: (f) => f.after },
    { key: 'minimum', head: t('minimum'), num: true, cell: (f) => f.minimum },
    { key: 'cap', head: t('cap'), num: true, cell: (f) => f.cap },
    { key: 'shortageBefore', head: t('shortageBefore'), num: true, cell: (f) => f.shortageBefore },
    { key: 'shortageAfter', head: t('shortageAfter'), num: true, cell: (f) => h('span', { class: f.shortageAfter ? 'bad' : 'good' }, f.shortageAfter) },
  ];
  const districtColumns = [
    { key: 'district', head: t('district'), cell: (f) => f.district },
    { key: 'before', head: t('before'), num: true, cell: (f) => f.before },
    { key: 'after', head: t('after'), num: true, cell: (f) => f.after },
    { key: 'minimum', head: t('minimum'), num: true, cell: (f) => f.minimum },
    { key: 'cap', head: t('cap'), num: true, cell: (f) => f.cap },
    { key: 'shortageBefore', head: t('shortageBefore'), num: true, cell: (f) => f.shortageBefore },
    { key: 'shortageAfter', head: t('shortageAfter'), num: true, cell: (f) => f.shortageAfter },
  ];
  const filtered = () => doc.formations.filter((f) => (!state.job || f.job === state.job) && (!state.sector || f.sector === state.sector)
    && (!state.district || f.district === state.district)
    && (!state.facility || (f.facilityName + ' ' + f.facilityId).toLowerCase().includes(state.facility.toLowerCase())));
  const perDistrict = (list) => {
    const m = new Map();
    for (const f of list) {
      const d = m.get(f.district) || { district: f.district, before: 0, after: 0, minimum: 0, cap: 0, shortageBefore: 0, shortageAfter: 0 };
      for (const k of ['before', 'after', 'minimum', 'cap', 'shortageBefore', 'shortageAfter']) d[k] += f[k];
      m.set(f.district, d);
    }
    return [...m.values()];
  };
  const sortRows = (list) => [...list].sort((a, b) => {
    const x = a[state.sort], y = b[state.sort];
    const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return state.desc ? -c : c;
  });
  const tableBox = h('div', {});
  const chartBox = h('div', { class: 'chart-box' });
  function redraw() {
    const list = filtered();
    const cols = state.level === 'district' ? districtColumns : columns;
    const rows = sortRows(state.level === 'district' ? perDistrict(list) : list);
    const table = pagedTable({ columns: cols, rows, testid: 'formations' });
    const thead = table.el.querySelector('thead tr');
    clear(thead).append(...sortable(cols, rows, (key) => { state.desc = state.sort === key ? !state.desc : true; state.sort = key; redraw(); }));
    clear(tableBox).append(table.el);
    clear(chartBox).append(barChart(perDistrict(list).sort((a, b) => a.district.localeCompare(b.district)).map((d) => ({ label: d.district, a: d.shortageBefore, b: d.shortageAfter })),
      { labels: [t('shortageBefore'), t('shortageAfter')], title: t('perDistrict') }));
  }
  const level = h('select', { 'data-testid': 'formations-level', onchange: (e) => { state.level = e.target.value; redraw(); } },
    h('option', { value: 'facility' }, t('perFacility')), h('option', { value: 'district' }, t('perDistrict')));
  body.append(h('section', { class: 'card' },
    h('div', { class: 'filters' },
      field(t('job'), select('job', jobs, '', (v) => { state.job = v; redraw(); }, 'filter-job')),
      field(t('sector'), select('sector', sectors, '', (v) => { state.sector = v; redraw(); }, 'filter-sector', t)),
      field(t('district'), select('district', districts, '', (v) => { state.district = v; redraw(); }, 'filter-district')),
      field(t('facility'), h('input', { type: 'search', 'data-testid': 'filter-facility', oninput: (e) => { state.facility = e.target.value; redraw(); } })),
      field(t('formations'), level)),
    h('details', { open: true, class: 'district-chart' }, h('summary', {}, t('perDistrict') + ': ' + t('shortageBefore') + ' / ' + t('shortageAfter')), chartBox),
    tableBox));
  redraw();
}

// --- moves

async function movesTab(body, plan, doc) {
  const state = { job: '', district: '', facility: '', person: '' };
  const jobs = [...new Set(doc.moves.map((m) => m.job))].sort();
  const districts = [...new Set(doc.formations.map((f) => f.district))].sort();
  const pinned = new Map(plan.pins.map((p) => [p.staffId, p]));
  const decided = plan.status !== 'SOLVED' && plan.status !== 'STALE';
  const columns = [
    { head: t('person'), cell: (m) => h('a', { href: '#', 'data-testid': 'move-person', onclick: (e) => { e.preventDefault(); openDetail(plan.planId, { staffId: m.staffId }); } }, m.staffId) },
    { head: t('from'), cell: (m) => `${doc.names.get(m.from) || m.from}` },
    { head: t('to'), cell: (m) => `${doc.names.get(m.to) || m.to}` },
    { head: t('job'), cell: (m) => m.job + (m.fromJob !== m.job ? ` (${m.fromJob})` : '') },
    { head: t('km'), num: true, cell: (m) => m.km },
    { head: t('reason'), cell: (m) => h('span', { class: 'reason' }, tr(m.reason)) },
    { head: t('pin'), cell: (m) => {
      const isPinned = pinned.has(m.staffId);
      return h('button', { type: 'button', class: isPinned ? 'pinned' : '', disabled: decided, 'aria-pressed': isPinned ? 'true' : 'false', 'data-testid': 'pin',
        onclick: () => togglePin(plan, { staffId: m.staffId, facilityId: m.to, job: m.job }) }, isPinned ? t('unpin') : t('pin'));
    } },
  ];
  const filtered = () => doc.moves.filter((m) => (!state.job || m.job === state.job)
    && (!state.district || doc.districtOf.get(m.to) === state.district || doc.districtOf.get(m.from) === state.district)
    && (!state.facility || [m.from, m.to, doc.names.get(m.from), doc.names.get(m.to)].some((s) => s && s.toLowerCase().includes(state.facility.toLowerCase())))
    && (!state.person || m.staffId.includes(state.person.trim())));
  const table = pagedTable({ columns, rows: filtered(), testid: 'moves', rowKey: (m) => m.staffId });
  const redraw = () => table.set(filtered());
  body.append(h('section', { class: 'card' },
    h('div', { class: 'filters' },
      field(t('job'), select('job', jobs, '', (v) => { state.job = v; redraw(); }, 'moves-job')),
      field(t('district'), select('district', districts, '', (v) => { state.district = v; redraw(); }, 'moves-district')),
      field(t('facility'), h('input', { type: 'search', 'data-testid': 'moves-facility', oninput: (e) => { state.facility = e.target.value; redraw(); } })),
      field(t('person'), h('input', { type: 'search', 'data-testid': 'moves-person', inputmode: 'numeric', oninput: (e) => { state.person = e.target.value; redraw(); } }))),
    table.el));
}

// --- leaving, gaps

async function leavingTab(body, plan, doc) {
  const columns = [
    { head: t('person'), cell: (l) => l.staffId },
    { head: t('facility'), cell: (l) => doc.names.get(l.facilityId) || l.facilityId },
    { head: t('job'), cell: (l) => l.job },
    { head: t('reason'), cell: (l) => t(l.reason) },
    { head: t('date'), cell: (l) => l.date },
    { head: t('explanation'), cell: (l) => tr(l.explanation) },
  ];
  const rows = [...doc.leaving].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  body.append(h('section', { class: 'card' }, h('h2', {}, t('leaving')), pagedTable({ columns, rows, testid: 'leaving' }).el));
}

async function gapsTab(body, plan, doc) {
  const e = doc.explanation;
  const fac = (x) => h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); openDetail(plan.planId, { facilityId: x.facilityId }); } }, doc.names.get(x.facilityId) || x.facilityId);
  body.append(
    h('section', { class: 'card' }, h('h2', {}, t('unfilled')), pagedTable({ testid: 'unfilled', rows: [...(e.unfilled || [])].sort((a, b) => b.priority * b.missing - a.priority * a.missing), columns: [
      { head: t('facility'), cell: fac }, { head: t('job'), cell: (x) => x.job }, { head: t('missing'), num: true, cell: (x) => x.missing },
      { head: t('priority'), num: true, cell: (x) => x.priority }, { head: t('reason'), cell: (x) => h('span', { class: 'reason' }, tr(x.reason)) }] }).el),
    h('section', { class: 'card' }, h('h2', {}, t('surplus')), pagedTable({ testid: 'surplus', rows: e.surplus || [], columns: [
      { head: t('facility'), cell: fac }, { head: t('job'), cell: (x) => x.job }, { head: t('excess'), num: true, cell: (x) => x.excess },
      { head: t('reason'), cell: (x) => h('span', { class: 'reason' }, tr(x.reason)) }] }).el),
    h('section', { class: 'card' }, h('h2', {}, t('violations')), pagedTable({ testid: 'violations', rows: e.violations || [], columns: [
      { head: 'type', cell: (x) => x.type || x.kind || '' }, { head: t('facility'), cell: (x) => x.facilityId ? fac(x) : '' },
      { head: t('person'), cell: (x) => x.staffId || '' }, { head: t('reason'), cell: (x) => tr(x.reason) }] }).el));
}

// --- detail: a person or a facility, and the what-if

let detailTarget = {};
function openDetail(planId, target) { detailTarget = target; const want = `#/plans/${planId}/detail`; if (location.hash === want) route(); else location.hash = want; }

async function detailTab(body, plan, doc) {
  const input = h('input', { type: 'search', 'data-testid': 'detail-query', 'aria-label': t('person') + ' / ' + t('facility'), placeholder: `${t('person')} / ${t('facility')}`,
    value: detailTarget.staffId || detailTarget.facilityId || '' });
  const out = h('div', { 'data-testid': 'detail' });
  const show = async () => {
    const q = input.value.trim();
    clear(out);
    if (!q) return;
    if (doc.names.has(q)) { out.append(h('section', { class: 'card' }, h('h2', {}, t('facilityDetail')), facilityCard(plan, doc, q))); return; }
    const byName = [...doc.names.entries()].find(([, name]) => name && name.toLowerCase() === q.toLowerCase());
    if (byName) { out.append(h('section', { class: 'card' }, h('h2', {}, t('facilityDetail')), facilityCard(plan, doc, byName[0]))); return; }
    out.append(await personCard(plan, doc, q));
  };
  body.append(h('section', { class: 'card' }, h('form', { class: 'row', onsubmit: (e) => { e.preventDefault(); show(); } }, input,
    h('button', { type: 'submit', 'data-testid': 'detail-show' }, t('lookUp')))), out);
  await show();
}

async function personCard(plan, doc, staffId) {
  const placements = await placementsOf(plan.planId, doc);
  const placement = placements.find((p) => p.staffId === staffId);
  const leaving = doc.leaving.find((l) => l.staffId === staffId);
  const move = doc.moves.find((m) => m.staffId === staffId);
  const card = h('section', { class: 'card', 'data-testid': 'person-card', 'data-staff': staffId }, h('h2', {}, `${t('personDetail')}: ${staffId}`));
  if (leaving) { card.append(h('p', { 'data-testid': 'person-leaving' }, `${t(leaving.reason)} · ${leaving.date} · ${tr(leaving.explanation)}`)); return card; }
  if (!placement) { card.append(h('p', { class: 'error' }, t('notFound'))); return card; }
  card.append(h('p', {}, `${doc.names.get(placement.facilityId) || placement.facilityId} (${placement.facilityId}) · ${placement.job}`,
    placement.pinned ? ' · ' + t('pinned') : ''));
  card.append(h('h3', {}, t('whyHere')), h('p', { class: 'reason', 'data-testid': 'person-reason' }, move ? tr(move.reason) : t('stays')));
  // What if: the same job at another facility.
  const options = doc.formations.filter((f) => f.job === placement.job && f.facilityId !== placement.facilityId)
    .sort((a, b) => b.shortageAfter - a.shortageAfter);
  const target = h('select', { 'data-testid': 'whatif-target', 'aria-label': t('facility') },
    options.map((f) => h('option', { value: f.facilityId }, `${f.facilityName} (${f.district}) · ${t('shortageAfter')} ${f.shortageAfter}`)));
  const result = h('div', { 'data-testid': 'whatif-result', 'aria-live': 'polite' });
  const run = async () => {
    clear(result).append(h('p', { class: 'muted' }, t('solving')));
    try {
      const w = await get(`/plans/${plan.planId}/whatif?staffId=${encodeURIComponent(staffId)}&facilityId=${encodeURIComponent(target.value)}&job=${encodeURIComponent(placement.job)}`);
      const lv = (l) => `${t('hard')} ${signed(l.hard)} · ${t('shortage')} ${signed(l.shortage)} · ${t('disruption')} ${signed(l.disruption)}`;
      clear(result).append(
        h('p', { 'data-testid': 'whatif-summary' }, tr(w.summary)),
        h('p', {}, h('strong', {}, t('direct') + ': '), lv(w.directChange)),
        h('table', { class: 'grid small' }, h('thead', {}, h('tr', {}, [t('facility'), t('job'), t('before'), t('after'), t('minimum'), t('cap'), t('shortageBefore'), t('shortageAfter')].map((c) => h('th', {}, c)))),
          h('tbody', {}, w.formations.map((f) => h('tr', {}, h('td', {}, doc.names.get(f.facilityId) || f.facilityId), h('td', {}, f.job),
            h('td', { class: 'num' }, f.placed), h('td', { class: 'num' }, f.placedAfter), h('td', { class: 'num' }, f.minimum), h('td', { class: 'num' }, f.cap),
            h('td', { class: 'num' }, f.shortage), h('td', { class: 'num' }, f.shortageAfter))))),
        h('p', {}, h('strong', {}, t('best') + ': '), lv(w.reoptimized.change), ``));
    } catch (e) {
      clear(result).append(h('p', { class: 'error' }, e instanceof ApiError ? e.details.map((d) => d.message).join('; ') || e.message : String(e)));
    }
  };
  append(card, h('h3', {}, t('whatIf')), placement.pinned && !plan.pins.some((p) => p.staffId === staffId) ? h('p', { class: 'muted' }, t('pinned')) : null,
    h('div', { class: 'row wrap' }, target, h('button', { type: 'button', 'data-testid': 'whatif-run', onclick: run, disabled: !options.length }, t('compute'))), result);
  return card;
}
const signed = (v) => (v > 0 ? '+' : '') + num(v);

// ---------- 3. compare

async function compareView(a, b) {
  const mine = routeToken;
  document.title = 'Formasi — ' + t('compare');
  const [diff, pa, pb] = await Promise.all([get(`/plans/${a}/diff/${b}`), get('/plans/' + a), get('/plans/' + b)]);
  const [da, db] = await Promise.all([loadDocument(pa), loadDocument(pb)]);
  const sum = (list, key) => list.reduce((s, x) => s + (x[key] || 0), 0);
  const fig = (p, d) => ({ hard: p.score.hard, shortage: p.score.shortage, disruption: p.score.disruption, moves: d.moves.length,
    km: sum(d.moves, 'km'), leaving: d.leaving.length, pins: p.pins.length });
  const fa = fig(pa, da), fb = fig(pb, db);
  const labels = { hard: t('hardViolations'), shortage: t('shortageAfter'), disruption: t('disruption'), moves: t('moves'), km: t('totalKm'), leaving: t('leaving'), pins: t('pins') };
  const names = (id) => da.names.get(id) || db.names.get(id) || id;
  if (stale(mine)) return;
  clear(main).append(
    h('section', { class: 'card' }, h('div', { class: 'row' }, h('h1', {}, t('diffTitle')), h('span', { class: 'spacer' }), h('a', { href: '#/plans' }, '← ' + t('plans'))),
      h('p', { class: 'muted' }, diff.sameSnapshot ? t('sameSnapshot') : t('differentSnapshot')),
      h('table', { class: 'grid', 'data-testid': 'compare-figures' },
        h('thead', {}, h('tr', {}, h('th', {}, t('figures')), h('th', { class: 'num' }, h('a', { href: '#/plans/' + a }, 'A: ' + a)), h('th', { class: 'num' }, h('a', { href: '#/plans/' + b }, 'B: ' + b)), h('th', { class: 'num' }, 'B − A'))),
        h('tbody', {}, h('tr', {}, h('td', {}, t('status')), h('td', { class: 'num' }, t(pa.status)), h('td', { class: 'num' }, t(pb.status)), h('td', {})),
          Object.keys(labels).map((k) => h('tr', { 'data-figure': k }, h('td', {}, labels[k]), h('td', { class: 'num' }, num(fa[k])), h('td', { class: 'num' }, num(fb[k])), h('td', { class: 'num' }, signed(fb[k] - fa[k]))))))),
    h('section', { class: 'card' }, h('h2', {}, `${t('changedPlacements')}: `, h('span', { 'data-testid': 'changed-count' }, num(diff.changedCount))),
      pagedTable({ testid: 'diff', rows: diff.changed, columns: [
        { head: t('person'), cell: (c) => c.staffId },
        { head: 'A', cell: (c) => `${names(c.a.facilityId)} · ${c.a.job}` },
        { head: 'B', cell: (c) => `${names(c.b.facilityId)} · ${c.b.job}` }] }).el,
      diff.onlyInA.length ? h('p', {}, `${t('onlyIn')} A: ${diff.onlyInA.join(', ')}`) : null,
      diff.onlyInB.length ? h('p', {}, `${t('onlyIn')} B: ${diff.onlyInB.join(', ')}`) : null));
}

// ---------- start

function applyLang() {
  document.documentElement.lang = getLang();
  document.getElementById('lang').textContent = getLang() === 'id' ? 'EN' : 'ID';
  document.getElementById('lang').setAttribute('title', getLang() === 'id' ? 'English' : 'Bahasa Indonesia');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
document.getElementById('lang').addEventListener('click', () => { setLang(getLang() === 'id' ? 'en' : 'id'); applyLang(); route(); });
const userInput = document.getElementById('user');
userInput.value = getUser();
userInput.addEventListener('change', () => setUser(userInput.value.trim()));
window.addEventListener('hashchange', () => { hideBanner(); route(); });
applyLang();
route();
