// The list of plans, the comparison picker, and the form for a new plan.
import { ApiError, all, call, download, get, send } from './api.js';
import { clear, field, h, main } from './dom.js';
import { decidedBy, scoreText, statusBadge } from './format.js';
import { num, said, t, when } from './i18n.js';
import { whilePending } from './lifecycle.js';
import { route, stale, token } from './router.js';

export async function plansView() {
  const mine = token();
  document.title = 'Formasi — ' + t('plans');
  const list = await all('/plans');
  const details = new Map();
  await decisions(list, details);
  const chosen = new Set();
  const compareBtn = h('button', { type: 'button', disabled: true, 'data-testid': 'compare-selected',
    onclick: () => { const [a, b] = [...chosen]; location.hash = `#/compare/${a}/${b}`; } }, t('compareSelected'));
  const rowsOf = (items) => items.map((p) => h('tr', { 'data-plan': p.planId },
    h('td', {}, h('input', { type: 'checkbox', 'aria-label': t('compare') + ' ' + p.planId, 'data-testid': 'pick', checked: chosen.has(p.planId),
      onchange: (e) => { e.target.checked ? chosen.add(p.planId) : chosen.delete(p.planId); compareBtn.disabled = chosen.size !== 2; } })),
    h('td', {}, h('a', { href: '#/plans/' + p.planId, 'data-testid': 'plan-link' }, p.planId)),
    h('td', {}, statusBadge(p.status), statusDetail(p)),
    h('td', {}, p.snapshotId),
    h('td', { 'data-testid': 'plan-score' }, scoreText(p.score)),
    h('td', {}, when(p.createdAt)),
    h('td', {}, details.has(p.planId) ? decidedBy(details.get(p.planId)) : '–')));
  const tbody = h('tbody', {});
  const fillRows = (items) => clear(tbody).append(...(items.length ? rowsOf(items) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('noPlans')))]));
  fillRows(list);
  // While anything is queued or solving, the statuses and progress refresh in place (the form keeps its input).
  whilePending(list, async (items) => { await decisions(items, details); if (!stale(mine)) fillRows(items); }, () => stale(mine));
  const snapshots = [...new Set(list.map((p) => p.snapshotId))];
  if (stale(mine)) return;
  clear(main).append(
    h('section', { class: 'card' },
      h('div', { class: 'row' }, h('h1', {}, t('plans')), h('span', { class: 'spacer' }),
        h('button', { type: 'button', onclick: route, 'data-testid': 'refresh' }, t('refresh')), compareBtn),
      h('div', { class: 'scroll' }, h('table', { class: 'grid', 'data-testid': 'plans' },
        h('thead', {}, h('tr', {}, ['', t('plan'), t('status'), t('snapshot'), t('score'), t('created'), t('decidedBy')].map((c) => h('th', { scope: 'col' }, c)))),
        tbody))),
    newPlanForm(snapshots));
}

/** Loads the audit of decided plans not yet in {@code details}: who decided. */
async function decisions(items, details) {
  const decided = items.filter((p) => ['APPROVED', 'REJECTED', 'SUPERSEDED'].includes(p.status) && !details.has(p.planId));
  for (const [id, plan] of await Promise.all(decided.map(async (p) => [p.planId, await get('/plans/' + p.planId)]))) details.set(id, plan);
}

/** Next to the status: the progress of a solve against its budget, or what replaced the plan. */
function statusDetail(p) {
  if (p.status === 'SOLVING' && p.progress) {
    return h('div', { class: 'muted small', 'data-testid': 'list-progress' }, `${num(Math.round(p.progress.elapsedMillis / 100) / 10)} / ${num(p.budgetSeconds)} s`);
  }
  if (p.status === 'SUPERSEDED' && p.replacedBy && p.replacedBy.planId) {
    return h('div', { class: 'small' }, '→ ', h('a', { href: '#/plans/' + p.replacedBy.planId, 'data-testid': 'replaced-by' }, p.replacedBy.planId));
  }
  if (p.status === 'STALE' && p.replacedBy && p.replacedBy.snapshotId) {
    return h('div', { class: 'muted small', 'data-testid': 'replaced-by' }, '→ ' + p.replacedBy.snapshotId);
  }
  return null;
}

function newPlanForm(snapshots) {
  const errors = { snapshotId: h('span', { class: 'field-error', 'data-testid': 'error-snapshotId' }),
    snapshot: h('ul', { class: 'field-error', 'data-testid': 'error-snapshot' }),
    budgetSeconds: h('span', { class: 'field-error', 'data-testid': 'error-budgetSeconds' }),
    other: h('ul', { class: 'field-error', 'data-testid': 'error-other' }) };
  const stored = h('select', { name: 'snapshotId', 'data-testid': 'snapshot-select' }, h('option', { value: '' }, '—'),
    snapshots.map((s) => h('option', { value: s }, s)));
  const file = h('input', { type: 'file', name: 'file', accept: 'application/json,.json,.xlsx,.zip', 'data-testid': 'snapshot-file' });
  const template = h('button', { type: 'button', 'data-testid': 'download-template',
    onclick: () => download('/imports/template.xlsx', 'formasi-template.xlsx') }, t('template'));
  const budget = h('input', { type: 'number', name: 'budgetSeconds', min: 1, max: 600, value: 10, 'data-testid': 'budget' });
  const out = h('p', { 'data-testid': 'submit-result', 'aria-live': 'polite' });
  async function submit(e) {
    e.preventDefault();
    for (const el of Object.values(errors)) clear(el);
    out.textContent = '';
    let body;
    const b = budget.value === '' ? undefined : Number(budget.value);
    try {
      const sheets = file.files && file.files[0] && /\.(xlsx|zip)$/i.test(file.files[0].name);
      if (sheets) {
        // Sheets become a stored snapshot first (every refused cell is listed), then the plan of it.
        const type = /\.zip$/i.test(file.files[0].name) ? 'application/zip'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        const stored = await send('POST', '/imports', file.files[0], type);
        body = { snapshotId: stored.snapshotId, budgetSeconds: b };
      } else if (file.files && file.files[0]) {
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
        const line = d.cell ? `${d.cell} (${path}): ${d.message} / ${d.messageEn}` : `${path}: ${said(d)}`;
        if (errors[key].tagName === 'UL') errors[key].append(h('li', {}, line)); else errors[key].textContent = line;
      }
    }
  }
  return h('section', { class: 'card' }, h('h2', {}, t('newPlan')),
    h('form', { onsubmit: submit, 'data-testid': 'new-plan', class: 'form', novalidate: true },
      field(t('fromStored'), stored, errors.snapshotId),
      field(t('fromFile'), file, errors.snapshot),
      h('div', {}, template),
      field(t('budget'), budget, errors.budgetSeconds),
      errors.other,
      h('div', {}, h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-plan' }, t('submit'))), out));
}
